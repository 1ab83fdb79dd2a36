package io.athanor.orm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.athanor.orm.error.AthanorException;
import io.athanor.orm.error.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void namedParametersBecomePlaceholdersInOrder() {
        Text t = Text.text("select * from users where name = :name and age > :age or nick = :name");
        assertThat(t.positionalSql()).isEqualTo("select * from users where name = ? and age > ? or nick = ?");
        assertThat(t.parameterNames()).containsExactly("name", "age");
        Text.Bound b = t.bind(Params.of("name", "ada", "age", 30));
        assertThat(b.values()).containsExactly("ada", 30, "ada");
    }

    @Test
    void quotesCommentsCastsAndDollarQuotesAreLeftAlone() {
        Text t = Text.text("select ':no', \"a:b\", `c:d`, x::text, $$ :no $$, $tag$ :no $tag$ -- :no\n"
                + "/* :no /* nested :no */ */ from t where y = :yes and z = 'it''s :no'");
        assertThat(t.parameterNames()).containsExactly("yes");
        assertThat(t.positionalSql()).contains("x::text").contains("$$ :no $$").contains("'it''s :no'").endsWith("'it''s :no'");
    }

    @Test
    void escapedColonAndAssignmentStayLiteral() {
        Text t = Text.text("select \\:literal, @v := 1, :p");
        assertThat(t.positionalSql()).isEqualTo("select :literal, @v := 1, ?");
    }

    @Test
    void positionalPlaceholdersAreRefusedButDoubledQuestionMarkPasses() {
        assertThatThrownBy(() -> Text.text("select * from t where a = ?"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("named parameters only").hasMessageContaining(":name");
        assertThat(Text.text("select data ?? 'k' from t").positionalSql()).isEqualTo("select data ?? 'k' from t");
        assertThat(Text.text("select '?' from t").parameterNames()).isEmpty();
    }

    @Test
    void unclosedQuotesAndCommentsAreReported() {
        assertThatThrownBy(() -> Text.text("select 'abc")).hasMessageContaining("Unclosed ' quote");
        assertThatThrownBy(() -> Text.text("select /* abc")).hasMessageContaining("Unclosed /* comment");
        assertThatThrownBy(() -> Text.text("select $q$ abc")).hasMessageContaining("Unclosed $q$ quote");
    }

    @Test
    void missingAndUnknownParametersAreNamed() {
        Text t = Text.text("select :a, :b");
        assertThatThrownBy(() -> t.bind(Params.of("a", 1)))
                .isInstanceOf(AthanorException.class).hasMessageContaining("Parameter :b has no value");
        assertThatThrownBy(() -> t.bind(Params.of("a", 1, "b", 2, "c", 3)))
                .isInstanceOf(AthanorException.class).hasMessageContaining("no parameter :c");
    }

    @Test
    void collectionsExpandForIn() {
        Text t = Text.text("select * from t where id in (:ids) and k = :k");
        Text.Bound b = t.bind(Params.of("ids", List.of(1, 2, 3), "k", "x"));
        assertThat(b.sql()).isEqualTo("select * from t where id in (?, ?, ?) and k = ?");
        assertThat(b.values()).containsExactly(1, 2, 3, "x");
        assertThatThrownBy(() -> t.bind(Params.of("ids", List.of(), "k", "x")))
                .hasMessageContaining("empty collection");
    }

    @Test
    void paramsAllowNullsAndCheckPairs() {
        assertThat(Params.of("a", null)).containsEntry("a", null);
        assertThatThrownBy(() -> Params.of("a")).isInstanceOf(ConfigurationException.class).hasMessageContaining("pairs");
        assertThatThrownBy(() -> Params.of(1, 2)).hasMessageContaining("parameter name");
        assertThatThrownBy(() -> Params.of("a", 1, "a", 2)).hasMessageContaining("twice");
    }

    @Test
    void escapeStringsLetABackslashEscapeTheirQuote() {
        Text t = Text.text("select E'it\\'s :x'");
        assertThat(t.parameterNames()).isEmpty();
        assertThat(t.positionalSql()).isEqualTo("select E'it\\'s :x'");
        assertThat(Text.text("select e'a\\\\' as a, :x as b").parameterNames()).containsExactly("x");
        assertThat(Text.text("select e'it\\'s' || E'\\\\' || E'x''y :no' as a, :y").parameterNames()).containsExactly("y");
        assertThat(Text.text("select E'\\n:no\\t' where v = :v").positionalSql()).isEqualTo("select E'\\n:no\\t' where v = ?");
        assertThatThrownBy(() -> Text.text("select E'it\\'s")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Unclosed E' quote");
    }

    @Test
    void inAStandardStringABackslashIsAnOrdinaryCharacter() {
        Text t = Text.text("select 'a\\' as a, :x as b");
        assertThat(t.parameterNames()).containsExactly("x");
        assertThat(t.positionalSql()).isEqualTo("select 'a\\' as a, ? as b");
        // a word ending in e before a quote is not an escape-string prefix
        assertThat(Text.text("select name'x' , :p from t").parameterNames()).containsExactly("p");
        assertThat(Text.text("select type'a\\', :p").parameterNames()).containsExactly("p");
        assertThat(Text.text("select U&'d\\0061t', :p").parameterNames()).containsExactly("p");
    }

    @Test
    void dollarQuotesCommentsAndCastsAroundParameters() {
        Text t = Text.text("select $fn$ it's :no $x$ $fn$, $$ -- :no $$ /* ' :no */ -- ' :no\n, :a::int, x::text"
                + " /* /* :no */ ' */, :b");
        assertThat(t.parameterNames()).containsExactly("a", "b");
        assertThat(t.positionalSql()).contains("?::int, x::text");
        assertThat(Text.text("select a$b, :p").parameterNames()).containsExactly("p");
        assertThatThrownBy(() -> Text.text("select $fn$ :no")).hasMessageContaining("Unclosed $fn$ quote");
    }

    @Test
    void unpairedSurrogatesAndOptionalsAreRefusedNamingTheParameter() {
        Text t = Text.text("select :s, :list");
        assertThat(t.bind(Params.of("s", "🚀 paired", "list", List.of("ok"))).values()).hasSize(2);
        assertThatThrownBy(() -> t.bind(Params.of("s", "a\uD800b", "list", List.of("ok"))))
                .isInstanceOf(io.athanor.orm.error.InvalidValueException.class)
                .hasMessageStartingWith("Parameter :s holds an unpaired UTF-16 surrogate (U+D800) at index 1");
        assertThatThrownBy(() -> t.bind(Params.of("s", "x", "list", List.of("ok", "\uDC00"))))
                .isInstanceOf(io.athanor.orm.error.InvalidValueException.class)
                .hasMessageStartingWith("Parameter :list holds an unpaired UTF-16 surrogate (U+DC00) at index 0");
        assertThatThrownBy(() -> t.bind(Params.of("s", java.util.Optional.of("x"), "list", List.of("ok"))))
                .isInstanceOf(io.athanor.orm.error.InvalidValueException.class)
                .hasMessage("Parameter :s is an Optional, which no column takes: pass optional.orElse(null).");
    }
}
