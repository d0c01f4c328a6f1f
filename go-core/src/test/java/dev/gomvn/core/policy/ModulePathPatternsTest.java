package dev.gomvn.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModulePathPatternsTest {

    /** golang.org/x/mod/module TestMatchPrefixPatterns, row by row. */
    @ParameterizedTest(name = "''{0}'' matches {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "|rsc.io/quote|false",
                "/|rsc.io/quote|false",
                "*/quote|rsc.io/quote|true",
                "*/quo|rsc.io/quote|false",
                "*/quo??|rsc.io/quote|true",
                "*/quo*|rsc.io/quote|true",
                "*quo*|rsc.io/quote|false",
                "rsc.io|rsc.io/quote|true",
                "*.io|rsc.io/quote|true",
                "rsc.io/|rsc.io/quote|true",
                "rsc|rsc.io/quote|false",
                "rsc*|rsc.io/quote|true",
                "rsc.io|rsc.io/quote/v3|true",
                "*/quote|rsc.io/quote/v3|true",
                "*/quote/|rsc.io/quote/v3|true",
                "*/quote/*|rsc.io/quote/v3|true",
                "*/quote/*/|rsc.io/quote/v3|true",
                "*/v3|rsc.io/quote/v3|false",
                "*/*/v3|rsc.io/quote/v3|true",
                "*/*/*|rsc.io/quote/v3|true",
                "*/*/*/|rsc.io/quote/v3|true",
                "*/*/*|rsc.io/quote|false",
                "*/*/*/|rsc.io/quote|false",
                "'*/*/*,,'|rsc.io/quote|false",
                "'*/*/*,,*/quote'|rsc.io/quote|true",
                "',,*/quote'|rsc.io/quote|true",
            })
    void matchesLikeGo(String globs, String target, boolean expected) {
        assertThat(ModulePathPatterns.parse(globs).matches(target)).isEqualTo(expected);
    }

    /** path.Match's ErrBadPattern, which MatchPrefixPatterns takes as no match; parameters refuse such globs. */
    @Test
    void aGlobPathMatchRejectsMatchesNothingAndIsReported() {
        ModulePathPatterns patterns = ModulePathPatterns.parse("corp.example.com/[],rsc.io/[,k8s.io/*");
        assertThat(patterns.malformed()).containsExactly("corp.example.com/[]", "rsc.io/[");
        assertThat(patterns.matches("rsc.io/[")).isFalse();
        assertThat(patterns.matches("k8s.io/api")).isTrue();
    }
}
