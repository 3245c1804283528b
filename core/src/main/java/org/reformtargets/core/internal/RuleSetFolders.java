// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Finds rule-set folders: the folder itself when it holds a manifest, else those below it.
 *
 * <p>Discovery stays inside the folder given: a folder given through a link is searched by its
 * real path (and the folders found are named under the path given), but links below it to other
 * folders are not followed, so no rule-set folder outside the path given is found through them.
 * A {@code manifest.json} that is a link is found like a file: reading it through
 * {@link RuleSetFiles#directory} then refuses it if it leads outside its rule-set folder.
 */
@API(status = INTERNAL, since = "0.1")
public final class RuleSetFolders {

    /** The name of the file that lists the rule-set ids of a {@code rulesets/} folder. */
    public static final String INDEX = "index.txt";

    private RuleSetFolders() {
    }

    /** The folders holding a {@code manifest.json}: {@code path} itself, or those up to four levels below, sorted. */
    public static List<Path> find(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (Files.isRegularFile(p.resolve(RuleSetCompiler.MANIFEST))) {
            return List.of(p);
        }
        if (!Files.isDirectory(p)) {
            return List.of();
        }
        try {
            Path real = p.toRealPath();
            try (Stream<Path> walk = Files.walk(real, 5)) {
                return walk.filter(f -> f.getFileName() != null && f.getFileName().toString().equals(RuleSetCompiler.MANIFEST)
                                && Files.isRegularFile(f))
                        .map(f -> p.resolve(real.relativize(f.getParent()).toString())).map(Path::normalize)
                        .sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + p, e);
        }
    }

    /**
     * The paths of the regular files in a rule-set folder, relative, with {@code /}, sorted: those
     * whose real path stays inside the folder's, and links to files that lead outside (named, never
     * read), not what lies in linked folders leading outside.
     */
    public static List<String> files(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        TreeSet<String> names = new TreeSet<>();
        try {
            RuleSetFiles.walkInside(d, 4, new RuleSetFiles.Visitor() {
                @Override
                public void file(String relative, Path real) {
                    names.add(relative);
                }

                @Override
                public void outside(String relative, boolean link) {
                    if (!relative.endsWith("/")) {
                        names.add(relative);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + d, e);
        }
        return List.copyOf(names);
    }

    /**
     * The ids an {@code index.txt} lists, or {@code null} when {@code root} has none, or has one
     * that is a link leading outside {@code root} (not read, so none of its lines reach a message).
     */
    public static List<String> index(Path root) {
        Path r = root.toAbsolutePath().normalize();
        Path f = r.resolve(INDEX);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            byte[] bytes;
            try {
                bytes = RuleSetFiles.readInside(r, INDEX, INDEX, "folder " + r);
            } catch (RuleSetFiles.OutsideFolderException e) {
                return null;
            }
            if (bytes == null) {
                return null;
            }
            List<String> ids = new ArrayList<>();
            for (String l : new String(bytes, StandardCharsets.UTF_8).split("\\R")) {
                String s = l.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    ids.add(s);
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }
}
