// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Where the next points are cheapest: of a unit's scored targets, those where the fewest further
 * successful cases gain the most points. A pure function of exact figures.
 */
@API(status = INTERNAL, since = "0.1")
public final class Gains {

    private Gains() {
    }

    /**
     * One target's way to full points.
     *
     * @param target the target id
     * @param cases  the further successful cases that give full points (the result's gap)
     * @param gain   the points they gain: the maximum less the points given
     */
    public record Option(String target, long cases, Fraction gain) {
    }

    /**
     * The options that gain something for a positive number of cases, best first: most points per
     * case, then fewer cases, then target id; at most {@code limit}.
     */
    public static List<Option> rank(List<Option> options, int limit) {
        // the points per case computed once per option, not once per comparison
        record Ranked(Option option, Fraction perCase) {
        }
        List<Ranked> useful = new ArrayList<>();
        for (Option o : options) {
            if (o.cases() > 0 && o.gain().signum() > 0) {
                useful.add(new Ranked(o, o.gain().dividedBy(new Fraction(BigInteger.valueOf(o.cases()), BigInteger.ONE))));
            }
        }
        useful.sort(Comparator.comparing(Ranked::perCase).reversed()
                .thenComparingLong((Ranked r) -> r.option().cases())
                .thenComparing((Ranked r) -> r.option().target()));
        return useful.subList(0, Math.min(limit, useful.size())).stream().map(Ranked::option).toList();
    }
}
