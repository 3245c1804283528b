// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.service;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The service's own settings, under {@code reform-targets.*}.
 *
 * @param rulesDir     a folder of rule-set folders ({@code FAMILY/YEAR/manifest.json}) served with hot
 *                     reload, each overriding the bundled rule set of its id; {@code null}: bundled only
 * @param maxJsonBody  the largest JSON facts document {@code POST /evaluations} reads (default 20MB);
 *                     uploads are limited by {@code spring.servlet.multipart.max-file-size}
 * @param pollInterval how often a rule-set folder is read even without a file event (default 2s)
 */
@ConfigurationProperties("reform-targets")
public record ServiceProperties(Path rulesDir, @DefaultValue("20MB") DataSize maxJsonBody,
                                @DefaultValue("2s") Duration pollInterval) {
}
