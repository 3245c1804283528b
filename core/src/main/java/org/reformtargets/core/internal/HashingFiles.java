// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apiguardian.api.API;

/** Reads a rule set's files through another {@link RuleSetCompiler.Files} and digests what was read, in order. */
@API(status = INTERNAL, since = "0.1")
public final class HashingFiles implements RuleSetCompiler.Files {

    private final RuleSetCompiler.Files files;
    private final MessageDigest digest;

    /** Wraps {@code files}. */
    public HashingFiles(RuleSetCompiler.Files files) {
        this.files = files;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public byte[] read(String relative) throws IOException {
        return digested("file:" + relative, files.read(relative));
    }

    @Override
    public String display(String relative) {
        return files.display(relative);
    }

    @Override
    public byte[] readShared(String relativeToFamily) throws IOException {
        return digested("shared:" + relativeToFamily, files.readShared(relativeToFamily));
    }

    @Override
    public String displayShared(String relativeToFamily) {
        return files.displayShared(relativeToFamily);
    }

    /**
     * The hash {@link RuleSetCompiler#compile} would give the rule set in {@code files}: the manifest,
     * then its vocabulary files (shared ones first), then its files, then its shared files, read in that order.
     */
    public static String hashOf(RuleSetCompiler.Files files, org.reformtargets.core.RuleSetManifest manifest) {
        HashingFiles h = new HashingFiles(files);
        try {
            h.read(RuleSetCompiler.MANIFEST);
            for (String f : manifest.vocabulary().include()) {
                h.readShared(f);
            }
            for (String f : manifest.vocabulary().files()) {
                h.read(f);
            }
            for (String f : manifest.files()) {
                h.read(f);
            }
            for (String f : manifest.include()) {
                h.readShared(f);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return h.sha256();
    }

    /** The hex SHA-256 of every name and content read so far. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] digested(String name, byte[] bytes) {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        if (bytes != null) {
            digest.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(bytes);
        }
        return bytes;
    }
}
