package io.trestle.config;

import io.trestle.Config;
import io.trestle.Setting;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the user gave, before it is checked: the command-line flags and positionals, the
 * {@code TRESTLE_*} environment variables and the properties file. Settings are resolved in two
 * steps because plugins, which declare settings of their own, are found only after the core
 * settings are known:
 *
 * <pre>{@code
 * RawSettings raw = RawSettings.parse(args, System.getenv());
 * if (raw.helpRequested()) { ... print Usage.format(...) and exit 0 ... }
 * Config core = raw.resolveKnown(CoreSettings.ALL);        // plugins folder, packages to scan
 * List<Setting> all = ... CoreSettings.ALL + the settings of the plugins and the command ...
 * Config config = raw.resolve(all);                        // every flag and key now checked
 * }</pre>
 *
 * <p>Precedence, highest first: flags, environment variables ({@code TRESTLE_NAME}, upper case,
 * {@code -} and {@code .} as {@code _}), the properties file named by {@code --config FILE} or
 * {@code TRESTLE_CONFIG}, declared defaults. A flag given twice takes its last value, as in most
 * command-line tools, so a script can append an override to a fixed set of flags.
 *
 * <p>Flags are {@code --name value}, {@code --name=value}; an on/off setting is {@code --name}
 * alone (true) or {@code --no-name} (false); {@code -h} is {@code --help}; arguments not starting
 * with {@code --} are positionals (a sub-command and its arguments), in order; {@code --} ends
 * the flags. Whether {@code --name} takes the next argument is decided before plugin settings are
 * known: the next argument is its value unless it starts with {@code --} or {@code name} is an
 * on/off setting known at parse time. So a plugin's switch placed before a positional
 * ({@code --list-dirs routes}) swallows it, and {@link #resolve} reports that with a fix; write
 * sub-commands first, or {@code --list-dirs=true}.
 */
public final class RawSettings {
    /** The prefix of the environment variables read. */
    public static final String ENV_PREFIX = "TRESTLE_";

    private final List<Flag> flags;
    private final List<String> positionals;
    private final Map<String, String> environment;
    private final String configFile;
    private final Map<String, String> fileValues;

    private RawSettings(ArgumentParser.Parsed parsed, Map<String, String> environment, String configFile,
                        Map<String, String> fileValues) {
        this.flags = parsed.flags();
        this.positionals = parsed.positionals();
        this.environment = environment;
        this.configFile = configFile;
        this.fileValues = fileValues;
    }

    /** Parses {@code args}, knowing the on/off switches among the {@linkplain CoreSettings core settings}. */
    public static RawSettings parse(String[] args, Map<String, String> env) {
        return parse(args, env, CoreSettings.ALL);
    }

    /**
     * Parses {@code args} and reads the properties file, if one is named.
     *
     * @param env   the environment, usually {@code System.getenv()}; only {@code TRESTLE_*} is kept
     * @param known settings known now; their on/off switches never take the next argument as a value
     * @throws UsageException when the properties file is missing, unreadable or malformed, or
     *                        {@code --config} has no value
     */
    public static RawSettings parse(String[] args, Map<String, String> env, List<Setting> known) {
        Set<String> switches = new HashSet<>();
        for (Setting s : known) {
            if (s.kind() == Setting.Kind.BOOLEAN) {
                switches.add(s.name());
            }
        }
        ArgumentParser.Parsed parsed = new ArgumentParser(switches).parse(args);
        Map<String, String> environment = new TreeMap<>();
        for (Map.Entry<String, String> variable : env.entrySet()) {
            if (variable.getKey().startsWith(ENV_PREFIX)) {
                environment.put(variable.getKey(), variable.getValue());
            }
        }
        NamedFile named = namedFile(parsed.flags(), environment);
        String file = named == null ? null : named.path().trim();
        Map<String, String> fileValues = file == null ? Map.of() : PropertiesFile.read(file, named.namedBy());
        return new RawSettings(parsed, Collections.unmodifiableMap(environment), file,
                Collections.unmodifiableMap(new LinkedHashMap<>(fileValues)));
    }

    private record NamedFile(String path, String namedBy) {
    }

    /** The properties file and who named it ({@code --config}, else {@code TRESTLE_CONFIG}), or null. */
    private static NamedFile namedFile(List<Flag> flags, Map<String, String> environment) {
        NamedFile named = null;
        for (Flag flag : flags) {
            if (flag.name().equals(CoreSettings.CONFIG.name())) {
                if (flag.value() == null) {
                    throw new UsageException(flag.spelling() + " needs a value: " + flag.spelling() + " FILE");
                }
                named = new NamedFile(flag.value(), flag.spelling());
            }
        }
        String variable = CoreSettings.CONFIG.environmentVariable();
        if (named == null && environment.containsKey(variable)) {
            named = new NamedFile(environment.get(variable), variable);
        }
        return named;
    }

    /**
     * Every declared setting's effective value (defaults included), checked.
     *
     * @param declared all settings of the application: core, plugins, the command
     * @throws UsageException for an unknown flag or file key, or a value that does not fit its kind
     */
    public Config resolve(List<Setting> declared) {
        return new SettingsResolver(declared, true).resolve(this);
    }

    /**
     * Like {@link #resolve}, but flags and file keys of settings not in {@code settings} are
     * passed over (they may belong to plugins not loaded yet), and so are their errors.
     */
    public Config resolveKnown(List<Setting> settings) {
        return new SettingsResolver(settings, false).resolve(this);
    }

    /** Whether {@code --help} or {@code -h} is on the command line (and not undone by a later {@code --no-help}). */
    public boolean helpRequested() {
        boolean help = false;
        for (Flag flag : flags) {
            if (flag.name().equals("help")) {
                help = flag.value() == null || flag.separate() || !isFalse(flag.value());
            } else if (flag.name().equals("no-help")) {
                help = false;
            }
        }
        return help;
    }

    /** Only a clear "false" turns help off; {@code --help=maybe} still shows it. */
    private static boolean isFalse(String value) {
        try {
            return !Config.parseBoolean(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The flags, in the order given. */
    public List<Flag> flags() {
        return flags;
    }

    /** The arguments that are not flags, in order: a sub-command and its arguments. */
    public List<String> positionals() {
        return positionals;
    }

    /** The {@code TRESTLE_*} environment variables, by name. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The properties file, as named by {@code --config} or {@code TRESTLE_CONFIG}. */
    public Optional<String> configFile() {
        return Optional.ofNullable(configFile);
    }

    /** The key/value pairs of the properties file; empty when there is none. */
    public Map<String, String> fileValues() {
        return fileValues;
    }
}
