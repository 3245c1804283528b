package org.reformtargets.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Where a rule set's files come from: a folder, the class path, or a snapshot of a folder taken at once. */
public final class RuleSetFiles {

    private static final String ROOT = "rulesets/";

    private RuleSetFiles() {
    }

    /** The files of the rule-set folder {@code dir}, read when asked, named by their full path. */
    public static RuleSetCompiler.Files directory(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        return new RuleSetCompiler.Files() {
            @Override
            public byte[] read(String relative) throws IOException {
                try {
                    return Files.readAllBytes(d.resolve(relative));
                } catch (NoSuchFileException e) {
                    return null;
                }
            }

            @Override
            public String display(String relative) {
                return relative.isEmpty() ? d.toString() : d.resolve(relative).toString();
            }

            @Override
            public byte[] readShared(String relativeToFamily) throws IOException {
                return RuleSetFiles.readShared(d, relativeToFamily);
            }

            @Override
            public String displayShared(String relativeToFamily) {
                return RuleSetFiles.displayShared(d, relativeToFamily);
            }
        };
    }

    /** A file shared by the family whose folder is {@code dir}'s parent; {@code null} outside it or missing. */
    static byte[] readShared(Path dir, String relativeToFamily) throws IOException {
        Path family = dir.getParent();
        if (family == null) {
            return null;
        }
        Path file = family.resolve(relativeToFamily).normalize();
        if (!file.startsWith(family)) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    static String displayShared(Path dir, String relativeToFamily) {
        Path family = dir.getParent();
        return family == null ? relativeToFamily : family.resolve(relativeToFamily).toString();
    }

    /** The files of rule set {@code id} under {@code rulesets/} on the class path, named {@code id/file}. */
    public static RuleSetCompiler.Files classpath(String id, ClassLoader loader) {
        String family = id.substring(0, id.indexOf('/'));
        return new RuleSetCompiler.Files() {
            @Override
            public byte[] read(String relative) throws IOException {
                return resource(ROOT + id + "/" + relative);
            }

            @Override
            public String display(String relative) {
                return relative.isEmpty() ? id : id + "/" + relative;
            }

            @Override
            public byte[] readShared(String relativeToFamily) throws IOException {
                return resource(ROOT + family + "/" + relativeToFamily);
            }

            @Override
            public String displayShared(String relativeToFamily) {
                return family + "/" + relativeToFamily;
            }

            private byte[] resource(String name) throws IOException {
                try (InputStream in = loader.getResourceAsStream(name)) {
                    return in == null ? null : in.readAllBytes();
                }
            }
        };
    }

    /** Whether the class path holds a rule set {@code id}. */
    public static boolean onClasspath(String id, ClassLoader loader) {
        return RuleSetCompiler.ID.matcher(id).matches()
                && loader.getResource(ROOT + id + "/" + RuleSetCompiler.MANIFEST) != null;
    }

    /** The id a folder stands for when its last two names read {@code family/YYYY}, else {@code null}. */
    public static String expectedId(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (d.getNameCount() < 2) {
            return null;
        }
        String candidate = d.getParent().getFileName() + "/" + d.getFileName();
        return RuleSetCompiler.ID.matcher(candidate).matches() ? candidate : null;
    }

    /**
     * The regular files of a folder, read at once, with a fingerprint of their names and
     * contents: compiling a snapshot never sees a file half rewritten by another.
     */
    public static final class Snapshot implements RuleSetCompiler.Files {

        private final Path dir;
        private final Map<String, byte[]> files;
        private final String fingerprint;

        private Snapshot(Path dir, Map<String, byte[]> files, String fingerprint) {
            this.dir = dir;
            this.files = files;
            this.fingerprint = fingerprint;
        }

        /** Reads every regular file in {@code dir} and its sub-folders. */
        public static Snapshot of(Path dir) throws IOException {
            Path d = dir.toAbsolutePath().normalize();
            Map<String, byte[]> files = new TreeMap<>();
            List<Path> found;
            try (Stream<Path> walk = Files.walk(d, 4)) {
                found = walk.filter(Files::isRegularFile).toList();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            for (Path p : found) {
                try {
                    files.put(d.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                } catch (NoSuchFileException e) {
                    // deleted while listing: not part of this snapshot
                }
            }
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Integer.toString(f.getValue().length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.getValue());
            }
            return new Snapshot(d, files, HexFormat.of().formatHex(sha.digest()));
        }

        /** The paths of the files, relative to the folder, with {@code /}, sorted. */
        public List<String> names() {
            return List.copyOf(files.keySet());
        }

        /** A digest of the file names and contents: equal snapshots have equal fingerprints. */
        public String fingerprint() {
            return fingerprint;
        }

        @Override
        public byte[] read(String relative) {
            byte[] b = files.get(relative);
            return b == null ? null : b.clone();
        }

        @Override
        public String display(String relative) {
            return relative.isEmpty() ? dir.toString() : dir.resolve(relative).toString();
        }

        /** Shared files live outside the folder and are read when asked, not snapshotted. */
        @Override
        public byte[] readShared(String relativeToFamily) throws IOException {
            return RuleSetFiles.readShared(dir, relativeToFamily);
        }

        @Override
        public String displayShared(String relativeToFamily) {
            return RuleSetFiles.displayShared(dir, relativeToFamily);
        }
    }
}
