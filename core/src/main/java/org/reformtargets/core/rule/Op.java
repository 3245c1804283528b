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

    String vi(String percent) {
        return this == AT_LEAST ? "từ " + Texts.threshold(percent, true) + " trở lên"
                : "trên " + Texts.threshold(percent, true);
    }

    String en(String percent) {
        return this == AT_LEAST ? "at least " + Texts.threshold(percent, false)
                : "more than " + Texts.threshold(percent, false);
    }
}
