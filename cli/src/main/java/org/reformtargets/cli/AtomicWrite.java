// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes a file whole or not at all: the content goes to a temporary file in the target's folder,
 * which is forced to disk and then renamed over the target in one step; the folder is forced too
 * where the platform allows. A reader sees the old file or the new one, never part of either; on
 * any failure the temporary file is removed and the target is left as it was.
 */
final class AtomicWrite {

    /** Writes the content to a stream; may fail mid-way. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicWrite() {
    }

    /**
     * Why {@code target} must not be replaced, or {@code null} when it may: it exists and is not a
     * regular file (a device such as {@code /dev/stdout}, a pipe, a folder: renaming over it would
     * replace the device or link itself), or it is a file this process may not write.
     */
    static String unfit(Path target) {
        if (!Files.exists(target)) {
            return null;
        }
        if (Files.isDirectory(target)) {
            return "it is a directory; give a file";
        }
        if (!Files.isRegularFile(target)) {
            return "it is not a regular file (a device, a pipe or a socket); give a file";
        }
        if (!Files.isWritable(target)) {
            return "it is read-only; give another file or make it writable";
        }
        return null;
    }

    /** Replaces {@code target} with {@code bytes}. */
    static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Replaces {@code target} with what {@code content} writes. A symbolic link at {@code target} is
     * replaced by the file, not followed.
     *
     * @throws IOException when the folder cannot hold the temporary file, the content fails, or the
     *                     rename fails (for one, when {@code target} is a folder); nothing is left behind
     */
    static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path fileName = absolute.getFileName();
        if (folder == null || fileName == null) {
            throw new IOException("not a file path");
        }
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        Path temp = folder.resolve("." + fileName + "." + HexFormat.of().formatHex(random) + ".tmp");
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the first failure is the one to report
                }
            }
        }
        forceFolder(folder);
    }

    /** Forces the folder's entries (the rename) to disk; not every platform can open a folder. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel: the rename is as durable as the platform makes it
        }
    }
}
