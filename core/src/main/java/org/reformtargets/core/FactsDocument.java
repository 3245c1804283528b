// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.core;

import static org.apiguardian.api.API.Status.STABLE;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import org.apiguardian.api.API;
import org.reformtargets.core.internal.Origin;

/**
 * Everything known about a set of units on one date: the input of an evaluation.
 *
 * @param ruleSet      the rule-set id the facts are meant for ({@code FAMILY/YEAR}), or {@code null}
 * @param asOf         the date the facts describe; periods not ended by then give non-final results
 * @param units        the units, each with its level and parent
 * @param measurements measured figures
 * @param events       dated occurrences
 * @param attestations stated facts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"ruleSet", "asOf", "units", "measurements", "events", "attestations"})
@API(status = STABLE, since = "0.1")
public record FactsDocument(String ruleSet, LocalDate asOf, List<Unit> units, List<Measurement> measurements,
                            List<Event> events, List<Attestation> attestations) {

    public FactsDocument {
        // the reader's own list is unmodifiable, and carries what the reader found (see Origin)
        units = units == null ? List.of() : units instanceof Origin.Units ? units : List.copyOf(units);
        measurements = measurements == null ? List.of() : List.copyOf(measurements);
        events = events == null ? List.of() : List.copyOf(events);
        attestations = attestations == null ? List.of() : List.copyOf(attestations);
    }
}
