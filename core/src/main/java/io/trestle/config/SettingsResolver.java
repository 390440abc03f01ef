package io.trestle.config;

import io.trestle.Config;
import io.trestle.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns raw settings into a checked {@link Config}: defaults first, then the file, the
 * environment and the flags, each overriding the one before; every problem is collected so the
 * user sees them all at once.
 */
final class SettingsResolver {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsResolver.class);

    private final Map<String, Setting> declared;
    private final boolean complete;
    private final Map<String, String> values = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * @param complete whether {@code settings} are all there are: then unknown flags and file
     *                 keys are errors and unknown {@code TRESTLE_*} variables are logged
     */
    SettingsResolver(List<Setting> settings, boolean complete) {
        this.declared = index(settings);
        this.complete = complete;
    }

    Config resolve(RawSettings raw) {
        for (Setting s : declared.values()) {
            if (s.defaultValue() != null) {
                values.put(s.name(), ValueCheck.normalise(s, s.defaultValue()));
            }
        }
        if (raw.configFile().isPresent()) {
            applyFile(raw.configFile().get(), raw.fileValues());
        }
        applyEnvironment(raw.environment());
        for (Flag flag : raw.flags()) {
            applyFlag(flag);
        }
        if (!problems.isEmpty()) {
            throw new UsageException(problems);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String name : declared.keySet()) {
            if (values.containsKey(name)) {
                ordered.put(name, values.get(name));
            }
        }
        return Config.of(ordered);
    }

    private void applyFile(String file, Map<String, String> entries) {
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String key = entry.getKey();
            Setting s = declared.get(key);
            if (s != null) {
                set(s, entry.getValue(), file + ": " + key);
            } else if (complete) {
                problems.add(file + ": unknown setting '" + key + "'"
                        + Suggestions.closest(key, declared.keySet()).map(n -> " (did you mean '" + n + "'?)").orElse(""));
            }
        }
    }

    private void applyEnvironment(Map<String, String> environment) {
        Map<String, Setting> byVariable = new HashMap<>();
        for (Setting s : declared.values()) {
            byVariable.put(s.environmentVariable(), s);
        }
        for (Map.Entry<String, String> entry : environment.entrySet()) {
            String variable = entry.getKey();
            Setting s = byVariable.get(variable);
            if (s != null) {
                set(s, entry.getValue(), variable);
            } else if (complete) {
                // Other tools of the same family may set TRESTLE_* variables: warn, do not fail.
                LOG.warn("Ignoring environment variable {}: no setting of that name{}", variable,
                        suggestVariable(variable, byVariable.keySet()));
            }
        }
    }

    /** Compares the parts after {@code TRESTLE_}, so the long common prefix does not make every name look close. */
    private static String suggestVariable(String variable, Iterable<String> known) {
        int prefix = RawSettings.ENV_PREFIX.length();
        List<String> names = new ArrayList<>();
        known.forEach(k -> names.add(k.substring(prefix)));
        return Suggestions.closest(variable.substring(prefix), names)
                .map(n -> " (did you mean " + RawSettings.ENV_PREFIX + n + "?)").orElse("");
    }

    private void applyFlag(Flag flag) {
        Setting s = declared.get(flag.name());
        if (s != null) {
            applyDeclaredFlag(s, flag);
            return;
        }
        Setting negated = flag.name().startsWith("no-") ? declared.get(flag.name().substring(3)) : null;
        if (negated != null) {
            if (negated.kind() != Setting.Kind.BOOLEAN) {
                problems.add(flag.spelling() + ": --" + negated.name() + " is not an on/off switch");
            } else if (flag.value() != null) {
                problems.add(flag.spelling() + " takes no value; write --" + negated.name() + "=" + flag.value());
            } else {
                values.put(negated.name(), "false");
            }
        } else if (complete) {
            problems.add("unknown flag " + (flag.name().isEmpty() ? flag.written() : flag.spelling())
                    + Suggestions.closest(flag.name(), flagNames()).map(n -> "; did you mean --" + n + "?").orElse(""));
        }
    }

    private void applyDeclaredFlag(Setting s, Flag flag) {
        boolean isSwitch = s.kind() == Setting.Kind.BOOLEAN;
        if (flag.value() == null) {
            if (isSwitch) {
                values.put(s.name(), "true");
            } else {
                problems.add(flag.spelling() + " needs a value: " + flag.spelling() + " " + Usage.placeholder(s.kind()));
            }
        } else if (isSwitch && flag.separate()) {
            problems.add(flag.spelling() + " is an on/off switch, so '" + flag.value() + "' after it is not its value;"
                    + " put '" + flag.value() + "' before the flags, or write " + flag.spelling() + "=true");
        } else {
            set(s, flag.value(), flag.spelling());
        }
    }

    private void set(Setting s, String value, String source) {
        String problem = ValueCheck.problem(s, value);
        if (problem != null) {
            problems.add(source + ": " + problem);
        } else {
            values.put(s.name(), ValueCheck.normalise(s, value));
        }
    }

    /** Every spelling a flag may have, for suggestions: {@code port}, {@code strict}, {@code no-strict}. */
    private List<String> flagNames() {
        List<String> names = new ArrayList<>();
        for (Setting s : declared.values()) {
            names.add(s.name());
            if (s.kind() == Setting.Kind.BOOLEAN) {
                names.add("no-" + s.name());
            }
        }
        return names;
    }

    /**
     * The settings by name. The same setting declared twice (say by two plugins) counts once;
     * one name with two kinds, or a default that does not fit its kind, is a programming error.
     */
    private static Map<String, Setting> index(List<Setting> settings) {
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting s : settings) {
            Setting earlier = byName.putIfAbsent(s.name(), s);
            if (earlier != null && earlier.kind() != s.kind()) {
                throw new IllegalArgumentException("setting '" + s.name() + "' is declared twice, as "
                        + earlier.kind() + " and as " + s.kind());
            }
            String problem = s.defaultValue() == null ? null : ValueCheck.problem(s, s.defaultValue());
            if (problem != null) {
                throw new IllegalArgumentException("setting '" + s.name() + "' has a bad default: " + problem);
            }
        }
        return byName;
    }
}
