package io.univinsight.taskapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.univinsight.testsupport.KafkaTestResource;
import io.univinsight.testsupport.PostgresTestResource;
import jakarta.inject.Inject;

/** GET /api/changes and GET /api/professors?active= over rows as persistence-service writes them, in the real database. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = "schema", value = "migrations"))
class ChangesIT {
    private static final String UNIVERSITY = "Changes U";
    private static final Instant SINCE = Instant.parse("2026-03-01T00:00:00Z");

    @Inject
    DataSource db;

    /** What a test inserted: deleted after it, since the other ITs of this app share the database and count rows. */
    private final List<Long> insertedProfessors = new ArrayList<>();
    private final List<Long> insertedPapers = new ArrayList<>();

    @AfterEach
    void deleteWhatTheTestInserted() throws Exception {
        try (Connection c = db.getConnection()) {
            for (String sql : List.of("DELETE FROM professor_papers WHERE professor_id = ANY (?)",
                    "DELETE FROM professor_changes WHERE professor_id = ANY (?)",
                    "DELETE FROM professors WHERE id = ANY (?)")) {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    st.setArray(1, c.createArrayOf("bigint", insertedProfessors.toArray()));
                    st.executeUpdate();
                }
            }
            try (PreparedStatement st = c.prepareStatement("DELETE FROM papers WHERE id = ANY (?)")) {
                st.setArray(1, c.createArrayOf("bigint", insertedPapers.toArray()));
                st.executeUpdate();
            }
        }
        insertedProfessors.clear();
        insertedPapers.clear();
    }

    @Test
    void changesListJoinsDeparturesRankChangesAndNewPapersSinceATimeNewestFirst() throws Exception {
        Instant before = SINCE.minusSeconds(30L * 86_400);
        long ann = professor(UNIVERSITY, "Ann Early", "Associate Professor", before, SINCE.plusSeconds(5 * 86_400), null);
        long ben = professor(UNIVERSITY, "Ben Joiner", "Lecturer", SINCE.plusSeconds(3600), SINCE.plusSeconds(3600), null);
        long cid = professor(UNIVERSITY, "Cid Leaver", "Professor", before, before, SINCE.plusSeconds(2 * 86_400));
        professor("Elsewhere U", "Dee Other", "Professor", SINCE.plusSeconds(4 * 86_400), SINCE.plusSeconds(4 * 86_400), null);
        change(ann, "title", "Lecturer", "Assistant Professor", before.plusSeconds(86_400)); // before since: not listed
        change(ann, "title", "Assistant Professor", "Associate Professor", SINCE.plusSeconds(86_400));
        change(cid, "departed", "active", "departed", SINCE.plusSeconds(2 * 86_400));
        link(ann, paper("An Old Paper", before.plusSeconds(3600)));
        link(ann, paper("A New Paper", SINCE.plusSeconds(3 * 86_400)));

        Response all = given().queryParam("university", UNIVERSITY).queryParam("since", SINCE.toString()).get("/api/changes");
        all.then().statusCode(200).header("X-Total-Count", "4")
                .body("kind", equalTo(List.of("new_paper", "departed", "changed", "joined")))
                .body("professorName", equalTo(List.of("Ann Early", "Cid Leaver", "Ann Early", "Ben Joiner")))
                .body("[0].paperTitle", equalTo("A New Paper"))
                .body("[1].at", equalTo(SINCE.plusSeconds(2 * 86_400).toString()))
                .body("[2].field", equalTo("title"))
                .body("[2].oldValue", equalTo("Assistant Professor"))
                .body("[2].newValue", equalTo("Associate Professor"))
                .body("[3].professorId", equalTo((int) ben))
                .body("[3].field", nullValue());

        // Pages of two with the cursor give the same four, in the same order.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("university", UNIVERSITY).queryParam("since", "2026-03-01").queryParam("limit", 2);
            Response page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/api/changes");
            page.then().statusCode(200).header("X-Total-Count", "4");
            paged.addAll(JsonPath.from(page.asString()).getList("kind"));
            cursor = page.header("X-Next-Cursor");
        } while (cursor != null && paged.size() < 10);
        org.junit.jupiter.api.Assertions.assertEquals(List.of("new_paper", "departed", "changed", "joined"), paged);

        given().queryParam("university", UNIVERSITY).queryParam("since", SINCE.plusSeconds(10 * 86_400).toString()).get("/api/changes")
                .then().statusCode(200).header("X-Total-Count", "0").body("size()", equalTo(0));
        given().queryParam("university", UNIVERSITY).queryParam("since", "last week").get("/api/changes")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("since"));
    }

    @Test
    void professorsFilterByActive() throws Exception {
        String university = "Active U";
        professor(university, "Fay Here", "Professor", SINCE, SINCE, null);
        professor(university, "Gus Gone", "Professor", SINCE, SINCE, SINCE.plusSeconds(60));

        given().queryParam("university", university).queryParam("active", "false").get("/api/professors").then().statusCode(200)
                .header("X-Total-Count", "1").body("name", equalTo(List.of("Gus Gone")))
                .body("[0].active", equalTo(false)).body("[0].departedAt", equalTo(SINCE.plusSeconds(60).toString()));
        given().queryParam("university", university).queryParam("active", "true").get("/api/professors").then().statusCode(200)
                .body("name", equalTo(List.of("Fay Here"))).body("[0].active", equalTo(true));
        given().queryParam("university", university).get("/api/professors").then().header("X-Total-Count", "2");
        given().queryParam("active", "yes").get("/api/professors").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("active"));
    }

    private long professor(String university, String name, String title, Instant firstSeen, Instant lastSeen, Instant departed)
            throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO professors (university_name, name,"
                + " normalized_name, title, first_seen_at, updated_at, last_seen_at, departed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            st.setString(1, university);
            st.setString(2, name);
            st.setString(3, name.toLowerCase());
            st.setString(4, title);
            st.setTimestamp(5, Timestamp.from(firstSeen));
            st.setTimestamp(6, Timestamp.from(lastSeen));
            st.setTimestamp(7, Timestamp.from(lastSeen));
            st.setTimestamp(8, departed == null ? null : Timestamp.from(departed));
            var rs = st.executeQuery();
            rs.next();
            insertedProfessors.add(rs.getLong(1));
            return rs.getLong(1);
        }
    }

    private void change(long professor, String field, String oldValue, String newValue, Instant at) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO professor_changes"
                + " (professor_id, field, old_value, new_value, changed_at) VALUES (?, ?, ?, ?, ?)")) {
            st.setLong(1, professor);
            st.setString(2, field);
            st.setString(3, oldValue);
            st.setString(4, newValue);
            st.setTimestamp(5, Timestamp.from(at));
            st.executeUpdate();
        }
    }

    private long paper(String title, Instant firstSeen) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO papers (title, normalized_title,"
                + " first_seen_at, updated_at, last_seen_at) VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            st.setString(1, title);
            st.setString(2, title.toLowerCase());
            st.setTimestamp(3, Timestamp.from(firstSeen));
            st.setTimestamp(4, Timestamp.from(firstSeen));
            st.setTimestamp(5, Timestamp.from(firstSeen));
            var rs = st.executeQuery();
            rs.next();
            insertedPapers.add(rs.getLong(1));
            return rs.getLong(1);
        }
    }

    private void link(long professor, long paper) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("INSERT INTO professor_papers VALUES (?, ?)")) {
            st.setLong(1, professor);
            st.setLong(2, paper);
            st.executeUpdate();
        }
    }
}
