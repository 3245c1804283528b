// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Bar widths for the report's SVG charts, in whole drawing units, computed exactly (long
 * arithmetic and {@link BigDecimal}, never doubles); the template draws the rectangles.
 */
@API(status = INTERNAL, since = "0.1")
public final class Bars {

    private Bars() {
    }

    /**
     * Splits {@code width} among {@code counts} in proportion, by the largest-remainder method: the
     * widths sum to exactly {@code width} (0 each when every count is 0), stay in the counts' order,
     * and a non-zero count never gets 0 when {@code width} is at least the number of non-zero counts
     * (the unit it needs is taken from the widest segment); a larger count is never narrower than a
     * smaller non-zero one.
     *
     * @throws IllegalArgumentException on a negative count or width
     */
    public static int[] split(long[] counts, int width) {
        if (width < 0) {
            throw new IllegalArgumentException("negative width: " + width);
        }
        long sum = 0;
        int nonZero = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("negative count: " + c);
            }
            sum = Math.addExact(sum, c);
            nonZero += c > 0 ? 1 : 0;
        }
        int[] widths = new int[counts.length];
        if (sum == 0) {
            return widths;
        }
        BigDecimal total = BigDecimal.valueOf(sum);
        BigDecimal[] remainders = new BigDecimal[counts.length];
        int given = 0;
        for (int i = 0; i < counts.length; i++) {
            BigDecimal[] qr = BigDecimal.valueOf(counts[i]).multiply(BigDecimal.valueOf(width))
                    .divideAndRemainder(total);
            widths[i] = qr[0].intValueExact();
            remainders[i] = qr[1];
            given += widths[i];
        }
        Integer[] order = new Integer[counts.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> remainders[b].compareTo(remainders[a]));
        for (int k = 0; given < width; k++, given++) {
            widths[order[k]]++;
        }
        if (width >= nonZero) {
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0 && widths[i] == 0) {
                    widths[widest(widths, counts)]--;
                    widths[i] = 1;
                }
            }
        }
        return widths;
    }

    /** The widest segment; of equally wide ones, the one with the smallest count, so that order holds. */
    private static int widest(int[] widths, long[] counts) {
        int w = 0;
        for (int i = 1; i < widths.length; i++) {
            if (widths[i] > widths[w] || widths[i] == widths[w] && counts[i] < counts[w]) {
                w = i;
            }
        }
        return w;
    }

    /**
     * The width of a bar showing {@code value} out of {@code max} (decimal strings such as
     * {@code "47.09"} and {@code "86"}) on a bar {@code width} wide, rounded half up for display and
     * kept within 0 and {@code width}; 0 when {@code max} is not positive or either is absent.
     */
    public static int fill(String value, String max, int width) {
        if (value == null || max == null) {
            return 0;
        }
        BigDecimal m = new BigDecimal(max);
        if (m.signum() <= 0) {
            return 0;
        }
        BigDecimal w = new BigDecimal(value).multiply(BigDecimal.valueOf(width)).divide(m, 0, RoundingMode.HALF_UP);
        return Math.max(0, Math.min(width, w.intValueExact()));
    }
}
