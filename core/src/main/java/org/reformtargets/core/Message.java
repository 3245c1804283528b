// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * One sentence in Vietnamese and one in English.
 *
 * <p>A message made by an evaluation is rendered when it is first read ({@link #vi()}, {@link #en()},
 * written or compared), not while the rules run: most results of a large evaluation are written
 * once or never read. Either way it is an immutable value, safe to share between threads; equality,
 * hash code and {@code toString} are over the two sentences, as for a record.
 */
@JsonPropertyOrder({"vi", "en"})
@API(status = STABLE, since = "0.1")
public final class Message {

    // each either the String or, until first read, the Supplier<String> that renders it; a reader
    // racing another may render twice, the same text, and never sees a half-made value
    private volatile Object vi;
    private volatile Object en;

    /**
     * A message of two sentences.
     *
     * @param vi the Vietnamese sentence
     * @param en the English sentence
     */
    @JsonCreator
    public Message(@JsonProperty("vi") String vi, @JsonProperty("en") String en) {
        this.vi = vi;
        this.en = en;
    }

    private Message(Supplier<String> vi, Supplier<String> en) {
        this.vi = Objects.requireNonNull(vi);
        this.en = Objects.requireNonNull(en);
    }

    /**
     * A message whose sentences are rendered on first read, each once (or, under a race, the same
     * text more than once). The suppliers must be free of side effects and give the same text each time.
     */
    public static Message rendered(Supplier<String> vi, Supplier<String> en) {
        return new Message(vi, en);
    }

    /** The Vietnamese sentence. */
    @JsonProperty("vi")
    public String vi() {
        Object v = vi;
        return v instanceof Supplier<?> s ? (String) (vi = s.get()) : (String) v;
    }

    /** The English sentence. */
    @JsonProperty("en")
    public String en() {
        Object v = en;
        return v instanceof Supplier<?> s ? (String) (en = s.get()) : (String) v;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Message m && Objects.equals(vi(), m.vi()) && Objects.equals(en(), m.en());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(vi()) + Objects.hashCode(en());
    }

    @Override
    public String toString() {
        return "Message[vi=" + vi() + ", en=" + en() + "]";
    }
}
