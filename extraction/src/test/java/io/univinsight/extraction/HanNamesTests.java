package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HanNamesTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "陈洪波|陈洪波",
            "欧阳修文|欧阳修文",
            "郑跃 副教授|郑跃",
            "太田 啓之|太田 啓之",
            "下嶋　美恵|下嶋 美恵",
            "張偉|張偉"})
    void namesInHanCharacters(String text, String name) {
        assertEquals(name, PersonNames.extract(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"师资队伍", "研究生院", "教授", "中心简介", "学院新闻", "电子工程系", "人工智能学院", "更多"})
    void wordsOfAPageAreNoNames(String text) {
        assertNull(PersonNames.extract(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"机器学习", "信号处理"})
    void joinedHanTextNeedsAKnownFamilyName(String text) {
        assertNull(PersonNames.extract(text));
    }
}
