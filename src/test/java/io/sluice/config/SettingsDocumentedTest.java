package io.sluice.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every setting of {@link SluiceConfig} appears in the README's configuration table. */
class SettingsDocumentedTest {

    @Test
    void everySettingIsInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = new ArrayList<>();
        for (String setting : settings(SluiceConfig.class, "sluice")) {
            if (!readme.contains("`" + setting + "`")) {
                missing.add(setting);
            }
        }
        assertEquals(List.of(), missing, "settings missing from the README's configuration table");
    }

    private static List<String> settings(Class<?> group, String prefix) {
        List<String> names = new ArrayList<>();
        for (Method m : group.getDeclaredMethods()) {
            if (m.isSynthetic() || m.isDefault() || m.getParameterCount() > 0) {
                continue;
            }
            String name = prefix + "." + kebab(m.getName());
            if (m.getReturnType().isInterface() && m.getReturnType().getEnclosingClass() == SluiceConfig.class) {
                names.addAll(settings(m.getReturnType(), name));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
