package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ScriptDataExtractorTests {
    private final ScriptDataExtractor extractor = new ScriptDataExtractor();

    private List<ExtractedProfessor> run(String html) {
        PageContext ctx = new PageContext("https://example.edu/people/list.htm", "Example U", "Physics");
        return extractor.extract(Jsoup.parse(html, ctx.url()), ctx).professors();
    }

    @Test
    void anArrayOfObjectLiteralsBehindAnEmptyList() {
        String html = """
                <ul id="list"></ul>
                <script>
                  var count = 3; // built by render() below
                  var data = [{pic: '/img/a.jpg', t: '陈洪波', f: {zc: '副教授', mail: 'chenhb@example.edu'}, url: '../info/11.htm'},
                              {pic: '/img/b.jpg', t: 'Jane Roe', f: {zc: 'Professor', mail: 'jroe@example.edu'}, url: '/p/jroe'},
                              {pic: '/img/c.jpg', t: 'Sam Poe', f: {zc: 'PhD Student', mail: 'spoe@example.edu'}}];
                  render(data[0]);
                </script>""";
        List<ExtractedProfessor> got = run(html);
        assertEquals(List.of("陈洪波", "Jane Roe"), got.stream().map(ExtractedProfessor::name).toList());
        assertEquals("副教授", got.get(0).title());
        assertEquals("chenhb@example.edu", got.get(0).email());
        assertEquals("https://example.edu/info/11.htm", got.get(0).profileUrl());
        assertEquals("https://example.edu/p/jroe", got.get(1).profileUrl());
    }

    @Test
    void nextDataJsonIsReadToo() {
        String html = """
                <script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{"people":[
                  {"name":"Ada Byron","position":"Associate Professor","email":"ada@example.edu"},
                  {"name":"Alan Turner","position":"Lab Manager","email":"alan@example.edu"}]}}}</script>""";
        assertEquals(List.of("Ada Byron"), run(html).stream().map(ExtractedProfessor::name).toList());
    }

    @Test
    void codeAndNamesWithoutRankGiveNothing() {
        String html = """
                <script>function f(a) { return a[0] + {x: 1}.x; } var team = [{n: 'Jane Roe', mail: 'jr@example.edu'}];</script>""";
        assertEquals(List.of(), run(html));
    }

    @Test
    void aPublicationListInScriptData() {
        String html = """
                <div id="pubs"></div>
                <script>
                  window.__DATA__ = {pubs: [
                    {t: "Sparse Attention for Long-Document Retrieval", a: ["Jane Doe", "Wei Zhang"], y: 2023, v: "Proceedings of ACL"},
                    {t: "Calibrated Uncertainty in Graph Neural Networks", a: [{n: "Ravi Menon"}, {n: "Jane Doe"}], y: "2022",
                     d: "10.5555/tmlr.2022.42"},
                    {t: "Jane Doe, John Smith and Wei Zhang", a: ["Jane Doe"], y: 2020}]};
                </script>""";
        PageContext ctx = new PageContext("https://example.edu/~doe/", "Example U", null);
        List<ExtractedPaper> got = extractor.extract(Jsoup.parse(html, ctx.url()), ctx).papers();
        assertEquals(List.of("Sparse Attention for Long-Document Retrieval", "Calibrated Uncertainty in Graph Neural Networks"),
                got.stream().map(ExtractedPaper::title).toList());
        assertEquals(List.of("Jane Doe", "Wei Zhang"), got.get(0).authors());
        assertEquals(2023, got.get(0).year());
        assertEquals("Proceedings of ACL", got.get(0).venue());
        assertEquals(List.of("Ravi Menon", "Jane Doe"), got.get(1).authors());
        assertEquals("10.5555/tmlr.2022.42", got.get(1).doi());
    }

    @Test
    void scriptsLongerThanTheConfiguredLimitAreNotRead() {
        String script = "var data = [{t: 'Jane Roe', f: {zc: 'Professor', mail: 'jroe@example.edu'}}];" + " ".repeat(2_000);
        String html = "<ul></ul><script>" + script + "</script>";
        assertEquals(1, run(html).size(), "the default limit (3,000,000 characters) reads it");
        ExtractionPipeline limited = ExtractionPipeline.of(List.of(ScriptDataExtractor.NAME),
                Map.of(ScriptDataExtractor.NAME, Map.of(ScriptDataExtractor.MAX_SCRIPT_CHARS, "1000")));
        PageContext ctx = new PageContext("https://example.edu/people/list.htm", "Example U", "Physics");
        assertEquals(0, limited.extract(Jsoup.parse(html, ctx.url()), ctx).professors().size());
    }
}
