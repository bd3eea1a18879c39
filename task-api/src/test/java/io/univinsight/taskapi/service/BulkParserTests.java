package io.univinsight.taskapi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.univinsight.taskapi.error.InvalidRequest;
import io.univinsight.taskapi.error.TooManyTasks;

class BulkParserTests {
    /** As Quarkus configures it: unknown properties are ignored. */
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void aJsonArrayIsNumberedByItem() {
        List<BulkParser.Line> lines = BulkParser.parse("""
                [{"url":"https://a.example.edu/","universityName":"A","priority":"high","maxDepth":1},
                 {"url":"https://b.example.edu/","universityName":"B"}]""", "application/json", JSON);

        assertEquals(2, lines.size());
        assertEquals(1, lines.get(0).number());
        assertEquals(new TaskRequest("https://a.example.edu/", "A", null, "high", 1, null), lines.get(0).request());
        assertEquals(2, lines.get(1).number());
        assertEquals("B", lines.get(1).request().universityName());
    }

    @Test
    void aJsonArrayItemThatIsNotAnObjectIsAnErrorOfThatItem() {
        List<BulkParser.Line> lines = BulkParser.parse("[{\"url\":\"https://a.example.edu/\",\"universityName\":\"A\"}, 42]", null, JSON);

        assertNull(lines.get(0).error());
        assertEquals(2, lines.get(1).number());
        assertNull(lines.get(1).request());
        assertEquals("expected a JSON object", lines.get(1).error().reason());
    }

    @Test
    void aBodyThatIsNotAJsonArrayIsRefusedWhole() {
        InvalidRequest notJson = assertThrows(InvalidRequest.class, () -> BulkParser.parse("[{", "application/json", JSON));
        assertEquals("body", notJson.errors().get(0).field());
        assertTrue(notJson.errors().get(0).reason().startsWith("not valid JSON: "));

        InvalidRequest object = assertThrows(InvalidRequest.class, () -> BulkParser.parse("{\"url\":\"x\"}", "application/json", JSON));
        assertEquals("expected a JSON array of tasks (or send NDJSON or CSV)", object.errors().get(0).reason());
    }

    @Test
    void ndjsonIsNumberedByLineSkippingBlankLinesAndKeepsGoingPastABadOne() {
        List<BulkParser.Line> lines = BulkParser.parse("""
                {"url":"https://a.example.edu/","universityName":"A"}

                {not json
                {"url":"https://c.example.edu/","universityName":"C"}
                """, "application/x-ndjson; charset=utf-8", JSON);

        assertEquals(List.of(1, 3, 4), lines.stream().map(BulkParser.Line::number).toList());
        assertEquals("line", lines.get(1).error().field());
        assertTrue(lines.get(1).error().reason().startsWith("not valid JSON: "));
        assertEquals("C", lines.get(2).request().universityName());
    }

    @Test
    void aWrongShapeIsAnErrorOfItsLine() {
        List<BulkParser.Line> lines = BulkParser.parse("{\"url\":\"https://a.example.edu/\",\"maxDepth\":\"deep\"}", "application/ndjson", JSON);

        assertTrue(lines.get(0).error().reason().startsWith("wrong shape: "), lines.get(0).error().reason());
    }

    @Test
    void csvHasAnOptionalHeaderAndOptionalDepartmentAndPriority() {
        List<BulkParser.Line> lines = BulkParser.parse("url,university,department,priority\n"
                + "https://a.example.edu/,A\n"
                + "https://b.example.edu/,B,,low\r\n"
                + "\"https://c.example.edu/?a=1,2\",\"C \"\"Tech\"\"\",Physics,high\n", "text/csv", JSON);

        assertEquals(List.of(2, 3, 4), lines.stream().map(BulkParser.Line::number).toList());
        assertEquals(new TaskRequest("https://a.example.edu/", "A", null, null, null, null), lines.get(0).request());
        assertEquals(new TaskRequest("https://b.example.edu/", "B", null, "low", null, null), lines.get(1).request());
        assertEquals(new TaskRequest("https://c.example.edu/?a=1,2", "C \"Tech\"", "Physics", "high", null, null), lines.get(2).request());
    }

    @Test
    void aCsvLineWithTooFewOrTooManyCellsOrAnOpenQuoteIsAnErrorOfThatLine() {
        List<BulkParser.Line> lines = BulkParser.parse("https://a.example.edu/\na,b,c,d,e\n\"open,A\n", "text/csv", JSON);

        assertEquals("expected url,university,department,priority", lines.get(0).error().reason());
        assertEquals("expected url,university,department,priority", lines.get(1).error().reason());
        assertEquals("unterminated quoted cell", lines.get(2).error().reason());
        assertEquals(List.of(1, 2, 3), lines.stream().map(BulkParser.Line::number).toList());
    }

    @Test
    void csvCellsAreTrimmedAndQuotesEscapeCommasAndQuotes() {
        assertEquals(List.of("a", "b, c", "say \"hi\"", ""), BulkParser.csvCells(" a ,\"b, c\",\"say \"\"hi\"\"\","));
    }

    @Test
    void aQuoteInsideACellIsKeptAsText() {
        assertEquals(List.of("a \"b\"", "c"), BulkParser.csvCells("a \"b\",c"));
    }

    @Test
    void moreThanTheMaximumOfTasksIsRefusedWhole() {
        String body = "https://a.example.edu/,A\n".repeat(BulkParser.MAX_TASKS + 1);

        TooManyTasks refused = assertThrows(TooManyTasks.class, () -> BulkParser.parse(body, "text/csv", JSON));
        assertEquals("a bulk request holds at most 10000 tasks, this one 10001", refused.getMessage());
        assertEquals(BulkParser.MAX_TASKS, BulkParser.parse("https://a.example.edu/,A\n".repeat(BulkParser.MAX_TASKS), "text/csv", JSON).size());
    }
}
