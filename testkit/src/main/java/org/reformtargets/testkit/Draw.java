// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.testkit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random choices a generator makes, all through one method so that any source of randomness
 * can stand behind them: a seeded {@link SplittableRandom}, or QuickTheories' source (which can
 * then shrink a failing document choice by choice).
 */
abstract class Draw {

    /** A number in {@code [lo, hi]}, both included. */
    abstract long between(long lo, long hi);

    /** A draw from a seeded generator: the same seed gives the same choices on every JVM. */
    static Draw seeded(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Draw() {
            @Override
            long between(long lo, long hi) {
                if (hi < Long.MAX_VALUE) {
                    return random.nextLong(lo, hi + 1);
                }
                if (lo > Long.MIN_VALUE) {
                    return random.nextLong(lo - 1, hi) + 1;
                }
                return random.nextLong();
            }
        };
    }

    final int intBetween(int lo, int hi) {
        return (int) between(lo, hi);
    }

    /** True {@code percent} times in a hundred. */
    final boolean chance(int percent) {
        return between(1, 100) <= percent;
    }

    final <T> T pick(List<T> items) {
        return items.get(intBetween(0, items.size() - 1));
    }

    /** A day in {@code [from, to]}. */
    final LocalDate date(LocalDate from, LocalDate to) {
        return from.plusDays(between(0, to.toEpochDay() - from.toEpochDay()));
    }

    /** {@code count} distinct items of {@code items} in a random order. */
    final <T> List<T> some(List<T> items, int count) {
        List<T> left = new ArrayList<>(items);
        List<T> chosen = new ArrayList<>();
        for (int i = 0; i < count && !left.isEmpty(); i++) {
            chosen.add(left.remove(intBetween(0, left.size() - 1)));
        }
        return chosen;
    }
}
