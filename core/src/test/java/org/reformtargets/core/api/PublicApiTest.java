// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.reformtargets.core.RuleSet;

/**
 * Core's public surface: every public top-level type says its API status ({@code @API}), and the
 * public types and members per package are the ones {@code docs/api.md} counts, so that the surface
 * grows or shrinks only on purpose (update the table in the same change).
 */
class PublicApiTest {

    private static final Path DOC = Path.of("../docs/api.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(org\\.reformtargets\\.core[a-z.]*)` \\| (\\d+) \\| (\\d+) \\|",
            Pattern.MULTILINE);

    /** The public top-level types compiled from core's sources. */
    static List<Class<?>> publicTopLevelTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(RuleSet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> walk = Files.walk(classes)) {
            names = walk.map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.startsWith("org/reformtargets/core/") && n.endsWith(".class") && !n.contains("$")
                            && !n.endsWith("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted().toList();
        }
        List<Class<?>> types = new ArrayList<>();
        for (String n : names) {
            Class<?> c = Class.forName(n, false, RuleSet.class.getClassLoader());
            if (Modifier.isPublic(c.getModifiers())) {
                types.add(c);
            }
        }
        return types;
    }

    @Test
    void everyPublicTypeSaysItsApiStatus() throws Exception {
        List<Class<?>> types = publicTopLevelTypes();
        assertTrue(types.size() > 50, "found core's types: " + types.size());
        List<String> without = types.stream().filter(c -> !c.isAnnotationPresent(API.class)).map(Class::getName).toList();
        assertEquals(List.of(), without, "public types without @API");
        for (Class<?> c : types) {
            API api = c.getAnnotation(API.class);
            boolean internal = c.getPackageName().endsWith(".internal") || c.getPackageName().endsWith(".build");
            assertEquals(internal, api.status() == API.Status.INTERNAL, c.getName() + " is " + api.status());
        }
    }

    @Test
    void thePublicSurfaceIsTheOneDocsApiCounts() throws Exception {
        Map<String, int[]> actual = new TreeMap<>();
        for (Class<?> c : publicTopLevelTypes()) {
            count(c, actual.computeIfAbsent(c.getPackageName(), p -> new int[2]));
        }
        Map<String, int[]> documented = new TreeMap<>();
        Matcher m = ROW.matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        while (m.find()) {
            documented.put(m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
        }
        assertEquals(render(actual), render(documented),
                "docs/api.md counts another public surface; if the change is deliberate, update its table");
    }

    /** Adds {@code type} and its public nested types, and their public members, to {@code counts}. */
    private static void count(Class<?> type, int[] counts) {
        counts[0]++;
        List<Member> members = new ArrayList<>();
        members.addAll(List.of(type.getDeclaredConstructors()));
        members.addAll(List.of(type.getDeclaredMethods()));
        members.addAll(List.of(type.getDeclaredFields()));
        for (Member member : members) {
            boolean bridge = member instanceof Method method && method.isBridge();
            if (Modifier.isPublic(member.getModifiers()) && !member.isSynthetic() && !bridge) {
                counts[1]++;
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (Modifier.isPublic(nested.getModifiers())) {
                count(nested, counts);
            }
        }
    }

    private static String render(Map<String, int[]> counts) {
        StringBuilder table = new StringBuilder();
        counts.forEach((pkg, c) -> table.append("| `").append(pkg).append("` | ").append(c[0]).append(" | ")
                .append(c[1]).append(" |\n"));
        return table.toString();
    }
}
