package io.trestle.app;

import io.trestle.Setting;
import io.trestle.config.CoreSettings;
import io.trestle.discovery.Deployment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The launcher's settings part: the core settings with the app's defaults, and those the plugins add. */
final class AppSettings {
    private final List<Setting> core;

    /** {@code defaults} replace the core settings' own default values, by name. */
    AppSettings(Map<String, String> defaults) {
        List<Setting> list = new ArrayList<>();
        for (Setting s : CoreSettings.ALL) {
            String def = defaults.get(s.name());
            list.add(def == null ? s : new Setting(s.name(), s.kind(), def, s.description()));
        }
        this.core = List.copyOf(list);
    }

    /** The core settings, with this application's defaults in place of theirs. */
    List<Setting> core() {
        return core;
    }

    /** The core settings then those of {@code more} whose names are new (a plugin may re-declare a core one). */
    List<Setting> with(List<Setting> more) {
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting s : core) {
            byName.putIfAbsent(s.name(), s);
        }
        for (Setting s : more) {
            byName.putIfAbsent(s.name(), s);
        }
        return List.copyOf(byName.values());
    }

    /** The sections of {@code --help}: the server's settings, then each source's new ones under its name. */
    Map<String, List<Setting>> sections(Deployment deployment) {
        Map<String, List<Setting>> sections = new LinkedHashMap<>();
        sections.put("server", core);
        Set<String> seen = new LinkedHashSet<>();
        core.forEach(s -> seen.add(s.name()));
        deployment.sources().forEach(source -> {
            List<Setting> own = new ArrayList<>();
            for (Setting s : source.settings()) {
                if (seen.add(s.name())) {
                    own.add(s);
                }
            }
            if (!own.isEmpty()) {
                sections.put(source.name(), own);
            }
        });
        return sections;
    }
}
