// SPDX-License-Identifier: Apache-2.0
package org.reformtargets.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reformtargets.core.Vocabulary;

/** Every form the checks write a threshold in, in Vietnamese and English words. */
class ThresholdsTest {

    private static final Thresholds VI = new Thresholds(true, d -> d.replace('.', ','), Vocabulary.standard());
    private static final Thresholds EN = new Thresholds(false, d -> d, Vocabulary.standard());

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            >= 95                       | true  | ≥ 95%                                   | ≥ 95%
            > 95                        | true  | > 95%                                   | > 95%
            >= 1 per quarter            | false | ≥ 1 mỗi quý                             | ≥ 1 per quarter
            >= 50 per quarter           | true  | ≥ 50% mỗi quý                           | ≥ 50% per quarter
            >= 1 per sub-unit           | true  | ≥ 1 mỗi đơn vị trực thuộc               | ≥ 1 per sub-unit
            >= 1 per sub-unit           | false | ≥ 1 mỗi đơn vị trực thuộc               | ≥ 1 per sub-unit
            >= 1 per month              | false | ≥ 1 mỗi tháng                           | ≥ 1 per month
            >= 98 and > 2019            | true  | ≥ 98% và cao hơn năm 2019               | ≥ 98% and above 2019
            >= 55.10 (2020 52.10 + 3 points) | true | ≥ 55,10% (năm 2020: 52,10% + 3 điểm %) | ≥ 55.10% (2020: 52.10% + 3 points)
            >= 123.9 (2020 118 + 5 %)   | false | ≥ 123,9 (năm 2020: 118 + 5%)            | ≥ 123.9 (2020: 118 + 5%)
            >= 2020 + 3 points          | true  | ≥ năm 2020 + 3 điểm %                   | ≥ 2020 + 3 points
            <= 97.5 % of 2015           | false | ≤ 97,5% của năm 2015                    | ≤ 97.5% of 2015
            100% before 2021-11-01      | true  | 100% trước ngày 01/11/2021              | 100% before 1 November 2021
            plan before 2020-02-20      | false | có kế hoạch trước ngày 20/02/2020       | a plan before 20 February 2020
            Q1 before 2020-02-25, Y before 2020-11-20 | false | báo cáo quý I trước ngày 25/02/2020, báo cáo năm trước ngày 20/11/2020 | the first-quarter report before 25 February 2020, the annual report before 20 November 2020
            = true                      | false | có                                      | yes
            for information             | true  | để theo dõi, không tính điểm            | for information, not scored
            max 2                       | false | tối đa 2 điểm                           | up to 2 points
            max 1                       | false | tối đa 1 điểm                           | up to 1 point
            linear, max 6               | true  | điểm theo tỷ lệ, tối đa 6 điểm          | in proportion, up to 6 points
            full at >= 80, max 2        | true  | đủ điểm khi ≥ 80%, tối đa 2 điểm        | full points at ≥ 80%, up to 2 points
            >= GOOD                     | false | từ Tốt trở lên                          | Good or better
            >= 30 or so                 | true  | ≥ 30 or so                              | ≥ 30 or so
            100% before 2021-13-45      | true  | 100% before 2021-13-45                  | 100% before 2021-13-45
            """)
    void everyFormReadsAsWords(String threshold, boolean percent, String vi, String en) {
        assertEquals(vi, VI.show(threshold, percent));
        assertEquals(en, EN.show(threshold, percent));
    }
}
