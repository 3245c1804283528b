// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.reformtargets.core.RuleSetManifest;

/**
 * Where a rule set's files come from: a folder, the class path, or a snapshot of a folder taken at once.
 *
 * <p><b>A rule-set folder is a closed world.</b> Every file read from a folder on disk — the
 * manifest, the DRL files it lists, scenario files and the facts files they name — must resolve,
 * by its real path ({@link Path#toRealPath}), inside the real path of the rule-set folder; a file
 * the manifest {@code include}s must resolve inside the real path of the family folder, the parent
 * of the rule-set folder as given. A file whose real path leads out — a link to {@code /etc/passwd},
 * a file in a linked sub-folder pointing elsewhere, an include reached through a linked folder — is
 * refused with an {@link OutsideFolderException} naming it, which the compiler and the linter
 * report as a located problem; its content is never read, so nothing of it can reach a message.
 * A link that stays inside is allowed, and so is the rule-set folder itself given through a link
 * (the comparison is against its real path). Files are then read through their real path without
 * following a link in the last name, so that a link swapped in after the check is not followed.
 */
@API(status = INTERNAL, since = "0.1")
public final class RuleSetFiles {

    /** What a file read for a rule set must stay inside. */
    private static final String RULE_SET_FOLDER = "rule-set folder";
    private static final String FAMILY_FOLDER = "family folder";

    private static final String ROOT = "rulesets/";

    private RuleSetFiles() {
    }

    /** The files of the rule-set folder {@code dir}, read when asked, named by their full path. */
    public static RuleSetCompiler.Files directory(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        return new RuleSetCompiler.Files() {
            @Override
            public byte[] read(String relative) throws IOException {
                return readInside(d, relative, relative, RULE_SET_FOLDER);
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

    /**
     * A file shared by the family whose folder is {@code dir}'s parent; {@code null} when its name
     * leads outside the family folder or it is missing.
     *
     * @throws OutsideFolderException when its real path leads outside the family folder's real path
     */
    static byte[] readShared(Path dir, String relativeToFamily) throws IOException {
        Path family = dir.getParent();
        if (family == null) {
            return null;
        }
        if (!family.resolve(relativeToFamily).normalize().startsWith(family)) {
            return null;
        }
        return readInside(family, relativeToFamily, relativeToFamily, FAMILY_FOLDER);
    }

    /**
     * A file refused because its real path leads outside the folder it must stay in: it is a link
     * leading out, or lies in a linked folder leading out. Its content has not been read.
     */
    public static final class OutsideFolderException extends IOException {

        private static final long serialVersionUID = 1L;

        OutsideFolderException(String message) {
            super(message);
        }
    }

    /**
     * The bytes of {@code relative} in {@code folder} (absolute, normalised) if its real path lies
     * inside the folder's real path; {@code null} when it does not exist.
     *
     * @param shown how to name the file in a refusal
     * @param what  what the folder is, for the refusal: "rule-set folder" or "family folder"
     * @throws OutsideFolderException when its name or real path leads outside the folder
     */
    static byte[] readInside(Path folder, String relative, String shown, String what) throws IOException {
        Path file = folder.resolve(relative).normalize();
        if (!file.startsWith(folder)) {
            throw new OutsideFolderException(shown + " is outside the " + what + ": refused");
        }
        Path realFolder;
        Path real;
        try {
            realFolder = folder.toRealPath();
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!real.startsWith(realFolder)) {
            throw new OutsideFolderException(shown + (Files.isSymbolicLink(file) ? " is a link" : " is reached through a link")
                    + " leading outside the " + what + ": refused");
        }
        return readNotFollowing(real);
    }

    /** The most a file of a rule-set folder may hold: 1 MiB (the largest bundled rule file holds 4 KB). */
    public static final int MAX_FILE_BYTES = 1 << 20;

    /**
     * Reads a file without following a link in its last name (a real path has none unless swapped in
     * since). Only a regular file is opened (a named pipe or a device would block or never end), and
     * no more than {@link #MAX_FILE_BYTES} of it is read.
     */
    private static byte[] readNotFollowing(Path real) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!attrs.isRegularFile()) {
            throw new IOException(real.getFileName() + " is not a regular file: refused");
        }
        if (attrs.size() > MAX_FILE_BYTES) {
            throw new IOException(real.getFileName() + " holds " + attrs.size() + " bytes, more than a rule-set file"
                    + " may hold (" + MAX_FILE_BYTES + "): refused");
        }
        try (SeekableByteChannel channel = Files.newByteChannel(real, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS); InputStream in = Channels.newInputStream(channel)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IOException(real.getFileName() + " grew past " + MAX_FILE_BYTES + " bytes while read: refused");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** What {@link #walkInside} finds below a folder. */
    interface Visitor {
        /** A regular file inside, by its path relative to the folder with {@code /}, and its real path. */
        void file(String relative, Path real) throws IOException;

        /** A folder inside, by its path relative to the folder with {@code /}, before its files. */
        default void folder(String relative) {
        }

        /** A file or folder (relative name ending in {@code /}) whose real path leads outside. */
        void outside(String relative, boolean link);
    }

    /**
     * Walks {@code folder} up to {@code depth} levels, following links only where they stay inside
     * its real path: links leading out are reported, never followed, never read.
     */
    static void walkInside(Path folder, int depth, Visitor visitor) throws IOException {
        Path root = folder.toRealPath();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path p, BasicFileAttributes attrs) throws IOException {
                if (p.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                Path real = realOrNull(p);
                if (real == null || !real.startsWith(root)) {
                    visitor.outside(name(p) + "/", Files.isSymbolicLink(p));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                visitor.folder(name(p));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) throws IOException {
                Path real = realOrNull(p);
                if (real == null) {
                    return FileVisitResult.CONTINUE; // a dangling link, or deleted while listing
                }
                if (!real.startsWith(root)) {
                    visitor.outside(attrs.isDirectory() ? name(p) + "/" : name(p), Files.isSymbolicLink(p));
                } else if (attrs.isRegularFile()) {
                    visitor.file(name(p), real);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path p, IOException e) {
                return FileVisitResult.CONTINUE; // a loop of links, or deleted while listing
            }

            private String name(Path p) {
                return root.relativize(p).toString().replace('\\', '/');
            }
        });
    }

    private static Path realOrNull(Path p) throws IOException {
        try {
            return p.toRealPath();
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

    /** Which folder a file that a manifest lists is relative to. */
    public enum Scope {
        /** The rule-set folder: the rule set's own files. */
        RULE_SET,
        /** The family folder, the parent of the rule-set folder: files the family's years share. */
        FAMILY
    }

    /**
     * A file a manifest makes its rule set read, besides the manifest itself.
     *
     * @param scope the folder {@code path} is relative to
     * @param path  the path as the manifest lists it
     */
    public record Listed(Scope scope, String path) {
    }

    /**
     * Every file {@code manifest} makes its rule set read, besides the manifest: its own DRL files
     * and scenario files (rule-set folder), then the DRL files it includes (family folder), each
     * once, in that order. This is the one place that says which manifest fields name files: a
     * hot-reload {@link Snapshot} reads and fingerprints every one of them at once, and the watcher
     * watches the folders that hold them, so a new kind of file (vocabulary files, a rule set's own
     * or included from the family folder) joins both by being listed here.
     */
    public static List<Listed> listedBy(RuleSetManifest manifest) {
        Set<Listed> listed = new LinkedHashSet<>();
        add(listed, Scope.RULE_SET, manifest.files());
        add(listed, Scope.RULE_SET, manifest.scenarios());
        add(listed, Scope.FAMILY, manifest.include());
        if (manifest.vocabulary() != null) {
            add(listed, Scope.RULE_SET, manifest.vocabulary().files());
            add(listed, Scope.FAMILY, manifest.vocabulary().include());
        }
        return List.copyOf(listed);
    }

    private static void add(Set<Listed> to, Scope scope, List<String> paths) {
        for (String p : paths) {
            if (p != null) {
                to.add(new Listed(scope, p));
            }
        }
    }

    /** Reads a manifest for what it lists, not to check it: {@code null} when it cannot be read. */
    private static final class LenientManifest {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();

        static RuleSetManifest read(byte[] bytes) {
            if (bytes == null) {
                return null;
            }
            try {
                return MAPPER.readValue(bytes, RuleSetManifest.class);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * The files a version of a rule set reads, read at once, with a fingerprint of their names and
     * contents: every regular file of the rule-set folder and its sub-folders, and every file of
     * the family folder its manifest lists ({@link #listedBy}: the DRL and vocabulary files it includes). Compiling
     * a snapshot reads nothing more from disk, so it never sees a file half rewritten by another,
     * and an edit of any file the rule set reads changes the fingerprint. Like {@link #directory}, a
     * snapshot is a closed world: a file or sub-folder of the rule-set folder whose real path leads
     * outside its real path, or an included file whose real path leads outside the family folder's,
     * is never read, and reading it is refused with an {@link OutsideFolderException}.
     */
    public static final class Snapshot implements RuleSetCompiler.Files {

        private final Path dir;
        private final Map<String, byte[]> files;
        private final Map<String, String> outside;
        private final Set<String> folders;
        private final List<Listed> listed;
        private final Map<String, Shared> shared;
        private final String fingerprint;

        /**
         * A file of the family folder as the snapshot found it: its bytes, or missing (no bytes and no
         * refusal), or refused (by the message of the refusal, and whether it leads outside).
         */
        private record Shared(byte[] bytes, String refusal, boolean outside) {
        }

        private Snapshot(Path dir, Map<String, byte[]> files, Map<String, String> outside, Set<String> folders,
                         List<Listed> listed, Map<String, Shared> shared, String fingerprint) {
            this.dir = dir;
            this.files = files;
            this.outside = outside;
            this.folders = folders;
            this.listed = listed;
            this.shared = shared;
            this.fingerprint = fingerprint;
        }

        /**
         * Reads every regular file in {@code dir} and its sub-folders whose real path stays inside
         * {@code dir}'s, then every file of the family folder (the parent of {@code dir}) that its
         * manifest lists, if that file's real path stays inside the family folder's.
         */
        public static Snapshot of(Path dir) throws IOException {
            Path d = dir.toAbsolutePath().normalize();
            Map<String, byte[]> files = new TreeMap<>();
            Map<String, String> outside = new TreeMap<>();
            Set<String> folders = new TreeSet<>();
            walkInside(d, 4, new Visitor() {
                @Override
                public void file(String relative, Path real) throws IOException {
                    byte[] bytes = readNotFollowing(real);
                    if (bytes != null) { // else deleted while listing: not part of this snapshot
                        files.put(relative, bytes);
                    }
                }

                @Override
                public void folder(String relative) {
                    folders.add(relative);
                }

                @Override
                public void outside(String relative, boolean link) {
                    outside.put(relative, link ? "a link" : "reached through a link");
                }
            });
            RuleSetManifest manifest = LenientManifest.read(files.get(RuleSetCompiler.MANIFEST));
            List<Listed> listed = manifest == null ? List.of() : listedBy(manifest);
            Map<String, Shared> shared = new LinkedHashMap<>();
            for (Listed l : listed) {
                // more than a manifest may list makes the manifest wrong: the rest is not read
                if (l.scope() == Scope.FAMILY && shared.size() < RuleSetCompiler.MAX_FILES) {
                    shared.putIfAbsent(l.path(), readSharedNow(d, l.path()));
                }
            }
            MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                digest(sha, f.getKey(), f.getValue());
            }
            for (String o : outside.keySet()) {
                sha.update(("outside:" + o).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            for (Map.Entry<String, Shared> s : shared.entrySet()) {
                Shared v = s.getValue();
                if (v.bytes() != null) {
                    digest(sha, "shared:" + s.getKey(), v.bytes());
                } else {
                    sha.update(("shared:" + s.getKey() + (v.refusal() == null ? "\u0000missing" : "\u0000refused:"
                            + v.refusal())).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            return new Snapshot(d, files, outside, Set.copyOf(folders), listed, shared,
                    HexFormat.of().formatHex(sha.digest()));
        }

        private static void digest(MessageDigest sha, String name, byte[] bytes) {
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(bytes);
        }

        /** A file of the family folder, read now under the rules of {@link RuleSetFiles#readShared}. */
        private static Shared readSharedNow(Path dir, String relativeToFamily) {
            try {
                return new Shared(RuleSetFiles.readShared(dir, relativeToFamily), null, false);
            } catch (OutsideFolderException e) {
                return new Shared(null, e.getMessage(), true);
            } catch (IOException e) {
                return new Shared(null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), false);
            }
        }

        /**
         * The paths of the files, relative to the folder, with {@code /}, sorted: those read and
         * those refused as links leading outside.
         */
        public List<String> names() {
            TreeSet<String> names = new TreeSet<>(files.keySet());
            outside.keySet().stream().filter(n -> !n.endsWith("/")).forEach(names::add);
            return List.copyOf(names);
        }

        /** What this version's manifest lists, as {@link #listedBy} says; empty when it cannot be read. */
        public List<Listed> listed() {
            return listed;
        }

        /**
         * Every file this version read, by its absolute path (as given, not its real path): the
         * regular files of the rule-set folder and its sub-folders, then the files of the family
         * folder its manifest lists that were read. Missing and refused files are not among them.
         */
        public List<Path> filesRead() {
            List<Path> read = new ArrayList<>();
            files.keySet().forEach(f -> read.add(dir.resolve(f)));
            Path family = dir.getParent();
            shared.forEach((name, s) -> {
                if (s.bytes() != null) {
                    read.add(family.resolve(name).normalize());
                }
            });
            return List.copyOf(read);
        }

        /**
         * The folders whose changes can change this version, by absolute path, sorted: the rule-set
         * folder, its sub-folders that stay inside it, and the folder of each file of the family folder
         * the manifest lists — or, while that folder does not exist, its nearest existing parent
         * inside the family folder. A folder whose real path leads out of the rule-set or family
         * folder is not among them.
         */
        public List<Path> folders() {
            TreeSet<Path> out = new TreeSet<>();
            out.add(dir);
            folders.forEach(f -> out.add(dir.resolve(f)));
            Path family = dir.getParent();
            if (family != null && !shared.isEmpty()) {
                Path realFamily = realPathOrNull(family);
                for (Map.Entry<String, Shared> s : shared.entrySet()) {
                    if (s.getValue().outside()) {
                        continue;
                    }
                    Path folder = family.resolve(s.getKey()).normalize().getParent();
                    if (folder == null || !folder.startsWith(family)) {
                        continue;
                    }
                    while (!folder.equals(family) && !Files.isDirectory(folder)) {
                        folder = folder.getParent();
                    }
                    Path real = realFamily == null ? null : realPathOrNull(folder);
                    if (real != null && real.startsWith(realFamily) && Files.isDirectory(folder)) {
                        out.add(folder);
                    }
                }
            }
            return List.copyOf(out);
        }

        private static Path realPathOrNull(Path p) {
            try {
                return p.toRealPath();
            } catch (IOException e) {
                return null;
            }
        }

        /** A digest of the names and contents of every file read: equal snapshots have equal fingerprints. */
        public String fingerprint() {
            return fingerprint;
        }

        /** @throws OutsideFolderException when the file, or a folder on its way, leads outside the folder */
        @Override
        public byte[] read(String relative) throws IOException {
            String name = dir.relativize(dir.resolve(relative).normalize()).toString().replace('\\', '/');
            if (!dir.resolve(relative).normalize().startsWith(dir)) {
                throw new OutsideFolderException(relative + " is outside the " + RULE_SET_FOLDER + ": refused");
            }
            String how = outside.get(name);
            if (how == null) {
                for (Map.Entry<String, String> o : outside.entrySet()) {
                    if (o.getKey().endsWith("/") && name.startsWith(o.getKey())) {
                        how = "reached through a link";
                    }
                }
            }
            if (how != null) {
                throw new OutsideFolderException(relative + " is " + how + " leading outside the " + RULE_SET_FOLDER
                        + ": refused");
            }
            byte[] b = files.get(name);
            return b == null ? null : b.clone();
        }

        @Override
        public String display(String relative) {
            return relative.isEmpty() ? dir.toString() : dir.resolve(relative).toString();
        }

        /**
         * The bytes of a file of the family folder as they were when the snapshot was taken: only
         * files the manifest lists were read, and nothing is read again.
         *
         * @throws OutsideFolderException when the file leads outside the family folder
         * @throws IOException            when it could not be read, or the manifest does not list it
         */
        @Override
        public byte[] readShared(String relativeToFamily) throws IOException {
            Shared s = shared.get(relativeToFamily);
            if (s == null) {
                throw new IOException(relativeToFamily + " is not listed by the manifest read with this version:"
                        + " not read");
            }
            if (s.refusal() != null) {
                throw s.outside() ? new OutsideFolderException(s.refusal()) : new IOException(s.refusal());
            }
            return s.bytes() == null ? null : s.bytes().clone();
        }

        @Override
        public String displayShared(String relativeToFamily) {
            return RuleSetFiles.displayShared(dir, relativeToFamily);
        }
    }
}
