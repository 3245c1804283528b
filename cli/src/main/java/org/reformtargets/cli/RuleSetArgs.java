// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.reformtargets.core.RuleSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Reading the commands' rule-set arguments: a bundled id, or a folder on disk. */
final class RuleSetArgs {

    private RuleSetArgs() {
    }

    /** The rule set in {@code dir} if given, else the bundled rule set {@code id}; a usage error with neither or both. */
    static RuleSet load(CommandSpec spec, String id, Path dir, String idName, String dirOption) {
        if (id != null && dir != null) {
            throw new ParameterException(spec.commandLine(), "Give either " + idName + " or " + dirOption + ", not both.");
        }
        if (id == null && dir == null) {
            throw new ParameterException(spec.commandLine(), "Give a rule set: " + idName + " (such as "
                    + String.join(", ", RuleSet.available()) + ") or " + dirOption + " DIR.");
        }
        return dir != null ? RuleSet.fromDirectory(dir) : RuleSet.load(id);
    }

    /** Whether {@code arg} is the id of a bundled rule set. */
    static boolean isBundled(String arg) {
        return RuleSet.available().contains(arg);
    }

    /** Whether {@code path} is a rule-set folder or has one below it (a {@code manifest.json}). */
    static boolean holdsRuleSets(Path path) {
        if (Files.isRegularFile(path)) {
            return path.getFileName().toString().equals("manifest.json");
        }
        // a folder given through a link is searched by its real path: Files.walk does not enter a link it starts from
        try (Stream<Path> files = Files.walk(Files.isDirectory(path) ? path.toRealPath() : path, 6)) {
            return files.anyMatch(p -> p.getFileName() != null && p.getFileName().toString().equals("manifest.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The usage error for an argument that is neither a folder holding rule sets nor a bundled id.
     */
    static ParameterException notFound(CommandSpec spec, String arg) {
        Path p = Path.of(arg);
        String what = Files.exists(p)
                ? arg + " holds no manifest.json: give a rule-set folder, a folder above rule-set folders"
                : "there is no folder " + arg + " and no bundled rule set " + arg + ": give a rule-set folder, a folder"
                + " above rule-set folders";
        return new ParameterException(spec.commandLine(), what + ", or a bundled id ("
                + String.join(", ", RuleSet.available()) + ").");
    }
}
