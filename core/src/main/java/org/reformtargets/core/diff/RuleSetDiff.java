// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apiguardian.api.API;
import org.reformtargets.core.Level;
import org.reformtargets.core.RuleSet;
import org.reformtargets.core.TargetSpec;

/**
 * What changed from one rule set to another, target by target: what {@code reform-targets diff}
 * prints. Targets are matched by the part of their id after the rule set's id
 * ({@code hcm-agri/2020/satisfaction} with {@code hcm-agri/2021/satisfaction}) and by level, and
 * their demands ({@link TargetSpec.Requirement}) are compared: a higher floor, a lower ceiling, a
 * strict comparison where the other is not, a finer cadence, a demand per field or also above the
 * previous year is stricter.
 *
 * <pre>{@code
 * RuleSetDiff diff = RuleSetDiff.between(RuleSet.load("hcm-agri/2020"), RuleSet.load("hcm-agri/2021"));
 * for (RuleSetDiff.Entry e : diff.changes()) {
 *     System.out.println(e.change() + " " + e.target() + " " + e.level() + ": " + String.join("; ", e.details()));
 * }
 * }</pre>
 *
 * @param left    the id of the rule set compared from (the older one)
 * @param right   the id of the rule set compared to (the newer one)
 * @param entries one entry per target and level of either side, unchanged ones included, ordered by
 *                change (in the order of {@link Change}), target and level
 */
@JsonPropertyOrder({"left", "right", "entries"})
@API(status = EXPERIMENTAL, since = "0.1")
public record RuleSetDiff(String left, String right, List<Entry> entries) {

    /** How a target's demand at one level changed; entries are listed in this order. */
    public enum Change {
        /** The demand is stricter: a higher floor, a lower ceiling, strict where it was not, more fields… */
        TIGHTENED,
        /** The demand is looser. */
        LOOSENED,
        /** The sub-period changed (every month, every quarter, the whole period), possibly with the threshold. */
        CADENCE_CHANGED,
        /** Both rule sets have the target, but only one binds this level. */
        LEVEL_CHANGED,
        /** The kind of demand changed, such as a share became a rise, or the target no longer applies. */
        KIND_CHANGED,
        /** Something else changed that neither tightens nor loosens: the indicator, the deadline, the reading… */
        CHANGED,
        /** Only the left rule set has the target. */
        REMOVED,
        /** Only the right rule set has the target. */
        ADDED,
        /** The same demand. */
        UNCHANGED
    }

    /**
     * One target at one level.
     *
     * @param target  the target id after the rule set's id, such as {@code satisfaction}
     * @param level   the level of unit
     * @param change  how it changed
     * @param left    what the left rule set demands, or {@code null} when it does not bind this level
     * @param right   what the right rule set demands, or {@code null} when it does not bind this level
     * @param details one phrase per difference, such as {@code >= 98 % → >= 91 %}; for an added or
     *                removed target, what it demands
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"target", "level", "change", "details", "left", "right"})
    public record Entry(String target, Level level, Change change, TargetSpec left, TargetSpec right,
                        List<String> details) {

        public Entry {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(change, "change");
            details = details == null ? List.of() : List.copyOf(details);
        }
    }

    /** Entries by change, then target, then level. */
    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::change)
            .thenComparing(Entry::target)
            .thenComparing(Entry::level, Comparator.nullsFirst(Comparator.naturalOrder()));

    public RuleSetDiff {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        entries = List.copyOf(sorted);
    }

    /**
     * Compares what two rule sets demand, as {@link RuleSet#describe()} gives it.
     *
     * @throws org.reformtargets.core.RuleSetException when either cannot describe itself
     */
    public static RuleSetDiff between(RuleSet left, RuleSet right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        return between(left.id(), left.describe(), right.id(), right.describe());
    }

    /**
     * Compares two descriptions of rule sets, such as {@link RuleSet#describe()} results kept from
     * earlier versions.
     *
     * @param leftId  the id of the left rule set, whose targets' ids start with it
     * @param left    what the left rule set demands
     * @param rightId the id of the right rule set
     * @param right   what the right rule set demands
     */
    public static RuleSetDiff between(String leftId, List<TargetSpec> left, String rightId, List<TargetSpec> right) {
        Objects.requireNonNull(leftId, "leftId");
        Objects.requireNonNull(rightId, "rightId");
        Map<String, Map<Level, List<TargetSpec>>> l = index(leftId, left);
        Map<String, Map<Level, List<TargetSpec>>> r = index(rightId, right);
        TreeSet<String> targets = new TreeSet<>(l.keySet());
        targets.addAll(r.keySet());
        List<Entry> entries = new ArrayList<>();
        for (String target : targets) {
            Map<Level, List<TargetSpec>> lt = l.get(target);
            Map<Level, List<TargetSpec>> rt = r.get(target);
            if (lt == null) {
                rt.forEach((level, specs) -> specs.forEach(s -> entries.add(
                        new Entry(target, level, Change.ADDED, null, s, List.of(Differences.show(s))))));
                continue;
            }
            if (rt == null) {
                lt.forEach((level, specs) -> specs.forEach(s -> entries.add(
                        new Entry(target, level, Change.REMOVED, s, null, List.of(Differences.show(s))))));
                continue;
            }
            TreeSet<Level> levels = new TreeSet<>(lt.keySet());
            levels.addAll(rt.keySet());
            for (Level level : levels) {
                List<TargetSpec> ls = lt.getOrDefault(level, List.of());
                List<TargetSpec> rs = rt.getOrDefault(level, List.of());
                if (ls.isEmpty()) {
                    rs.forEach(s -> entries.add(new Entry(target, level, Change.LEVEL_CHANGED, null, s,
                            List.of("now binds the " + level + " level too: " + Differences.show(s)))));
                } else if (rs.isEmpty()) {
                    ls.forEach(s -> entries.add(new Entry(target, level, Change.LEVEL_CHANGED, s, null,
                            List.of("no longer binds the " + level + " level: " + Differences.show(s)))));
                } else {
                    pair(target, level, ls, rs, entries);
                }
            }
        }
        renames(entries);
        return new RuleSetDiff(leftId, rightId, entries);
    }

    /** The entries whose change is not {@link Change#UNCHANGED}. */
    @JsonIgnore
    public List<Entry> changes() {
        return entries.stream().filter(e -> e.change() != Change.UNCHANGED).toList();
    }

    /** The entries of one change. */
    public List<Entry> entries(Change change) {
        return entries.stream().filter(e -> e.change() == change).toList();
    }

    /** The entry of a target (the part after the rule set's id) at a level, if either side has it. */
    public java.util.Optional<Entry> entry(String target, Level level) {
        return entries.stream().filter(e -> e.target().equals(target) && java.util.Objects.equals(e.level(), level)).findFirst();
    }

    /** How many entries there are of each change, in the order of {@link Change}, zeros left out. */
    @JsonIgnore
    public Map<Change, Integer> counts() {
        Map<Change, Integer> counts = new EnumMap<>(Change.class);
        entries.forEach(e -> counts.merge(e.change(), 1, Integer::sum));
        return java.util.Collections.unmodifiableMap(counts);
    }

    /** The specs of one rule set by target (the part after its id) and level, in describe order. */
    private static Map<String, Map<Level, List<TargetSpec>>> index(String ruleSetId, List<TargetSpec> specs) {
        Map<String, Map<Level, List<TargetSpec>>> out = new TreeMap<>();
        for (TargetSpec s : specs) {
            List<TargetSpec> at = out.computeIfAbsent(shortId(ruleSetId, s.target()), t -> new java.util.TreeMap<>())
                    .computeIfAbsent(s.level(), k -> new ArrayList<>());
            if (!at.contains(s)) {
                at.add(s);
            }
        }
        return out;
    }

    /** The part of a target id after the rule set's id; the last segment of an id outside it. */
    static String shortId(String ruleSetId, String target) {
        if (target.startsWith(ruleSetId + "/")) {
            return target.substring(ruleSetId.length() + 1);
        }
        return target.substring(target.lastIndexOf('/') + 1);
    }

    /**
     * Pairs the rules answering one target at one level on each side (almost always one each): equal
     * demands first, then the rest in rule order; a rule left over is a demand added or dropped.
     */
    private static void pair(String target, Level level, List<TargetSpec> ls, List<TargetSpec> rs, List<Entry> entries) {
        List<TargetSpec> left = new ArrayList<>(ls);
        List<TargetSpec> right = new ArrayList<>(rs);
        if (left.size() > 1 || right.size() > 1) {
            for (var it = left.iterator(); it.hasNext(); ) {
                TargetSpec l = it.next();
                TargetSpec same = right.stream().filter(r -> Differences.sameDemand(l, r)).findFirst().orElse(null);
                if (same != null) {
                    entries.add(Differences.compare(target, level, l, same));
                    right.remove(same);
                    it.remove();
                }
            }
        }
        int n = Math.min(left.size(), right.size());
        for (int i = 0; i < n; i++) {
            entries.add(Differences.compare(target, level, left.get(i), right.get(i)));
        }
        for (int i = n; i < left.size(); i++) {
            entries.add(new Entry(target, level, Change.CHANGED, left.get(i), null,
                    List.of("one of its rules for this level is gone: " + Differences.show(left.get(i)))));
        }
        for (int i = n; i < right.size(); i++) {
            entries.add(new Entry(target, level, Change.CHANGED, null, right.get(i),
                    List.of("a further rule for this level: " + Differences.show(right.get(i)))));
        }
    }

    /**
     * Notes a removed and an added target of one level that measure the same thing in the same kind
     * of demand (the only such pair at that level): probably one target renamed.
     */
    private static void renames(List<Entry> entries) {
        Map<String, List<Entry>> removed = new LinkedHashMap<>();
        Map<String, List<Entry>> added = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.change() == Change.REMOVED) {
                removed.computeIfAbsent(Differences.measure(e.level(), e.left()), k -> new ArrayList<>()).add(e);
            } else if (e.change() == Change.ADDED) {
                added.computeIfAbsent(Differences.measure(e.level(), e.right()), k -> new ArrayList<>()).add(e);
            }
        }
        removed.forEach((measure, gone) -> {
            List<Entry> came = added.get(measure);
            if (measure == null || gone.size() != 1 || came == null || came.size() != 1) {
                return;
            }
            Entry r = gone.get(0);
            Entry a = came.get(0);
            Entry compared = Differences.compare(a.target(), a.level(), r.left(), a.right());
            List<String> ad = new ArrayList<>(a.details());
            ad.add("measures what the removed " + r.target() + " measured"
                    + (compared.change() == Change.UNCHANGED ? ", with the same demand"
                    : ": " + String.join("; ", compared.details())));
            List<String> rd = new ArrayList<>(r.details());
            rd.add("the added " + a.target() + " measures the same");
            entries.set(entries.indexOf(a), new Entry(a.target(), a.level(), a.change(), null, a.right(), ad));
            entries.set(entries.indexOf(r), new Entry(r.target(), r.level(), r.change(), r.left(), null, rd));
        });
    }
}
