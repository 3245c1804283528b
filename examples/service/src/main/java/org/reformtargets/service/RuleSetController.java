// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reformtargets.core.RuleSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /rule-sets}: the rule sets served (id, version, content hash, bundled or from the
 * folder); {@code GET /rule-sets/{family}/{year}}: one rule set described, its targets as
 * {@link RuleSet#describe()} gives them.
 */
@RestController
public class RuleSetController {

    private final RuleSets ruleSets;

    RuleSetController(RuleSets ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GetMapping("/rule-sets")
    List<Map<String, Object>> list() {
        return List.copyOf(ruleSets.describe().values());
    }

    @GetMapping("/rule-sets/{family}/{year}")
    Map<String, Object> describe(@PathVariable("family") String family, @PathVariable("year") String year) {
        RuleSet r = ruleSets.get(family + "/" + year);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("version", r.version());
        m.put("contentHash", r.contentHash());
        m.put("title", r.manifest().title());
        m.put("targets", r.describe());
        return m;
    }
}
