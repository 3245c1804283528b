// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core.rule;

import java.math.BigInteger;
import org.reformtargets.core.internal.Texts;

/** A comparison of a share with a threshold in percent. */
enum Op {
    AT_LEAST(">="), ABOVE(">");

    final String symbol;

    Op(String symbol) {
        this.symbol = symbol;
    }

    boolean test(long n, long d, String percent) {
        return this == AT_LEAST ? Ratio.atLeast(n, d, percent) : Ratio.above(n, d, percent);
    }

    BigInteger needed(long d, String percent) {
        return this == AT_LEAST ? Ratio.neededForAtLeast(d, percent) : Ratio.neededForAbove(d, percent);
    }

    /** "từ 98% trở lên", "trên 95%"; "đạt 100%" where nothing is above. */
    String vi(String percent) {
        if (this == AT_LEAST && all(percent)) {
            return "đạt " + Texts.threshold(percent, true);
        }
        return this == AT_LEAST ? "từ " + Texts.threshold(percent, true) + " trở lên"
                : "trên " + Texts.threshold(percent, true);
    }

    /** "at least 98%", "more than 95%"; "100%" where nothing is above. */
    String en(String percent) {
        if (this == AT_LEAST && all(percent)) {
            return Texts.threshold(percent, false);
        }
        return this == AT_LEAST ? "at least " + Texts.threshold(percent, false)
                : "more than " + Texts.threshold(percent, false);
    }

    /** Whether the threshold is every case: "at least 100 %" is "100 %". */
    static boolean all(String percent) {
        return new java.math.BigDecimal(percent).compareTo(java.math.BigDecimal.valueOf(100)) == 0;
    }
}
