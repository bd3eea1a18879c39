package io.univinsight.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ScriptDataExtractorTests {
    private final ScriptDataExtractor extractor = new ScriptDataExtractor();

    private List<ProfessorRecord> run(String html) {
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
        List<ProfessorRecord> got = run(html);
        assertEquals(List.of("陈洪波", "Jane Roe"), got.stream().map(ProfessorRecord::name).toList());
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
        assertEquals(List.of("Ada Byron"), run(html).stream().map(ProfessorRecord::name).toList());
    }

    @Test
    void codeAndNamesWithoutRankGiveNothing() {
        String html = """
                <script>function f(a) { return a[0] + {x: 1}.x; } var team = [{n: 'Jane Roe', mail: 'jr@example.edu'}];</script>""";
        assertEquals(List.of(), run(html));
    }
}
