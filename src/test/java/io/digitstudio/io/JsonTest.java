package io.digitstudio.io;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** JSON through Jackson, with the conventions the app's files have always had. */
class JsonTest {
    /** A document as the hand-written writer this replaced wrote it (a run's settings, Chainer's log). */
    static final String OLD_FILE = """
            {
              "epoch": 3,
              "main/loss": 0.123456789,
              "lr": 1.0E-8,
              "validation/main/loss": null,
              "name": "a \\"b\\" \\\\ c\\u000a\\u0009\\u0001é",
              "ok": true,
              "empty": {},
              "list": [],
              "nested": [
                1,
                [
                  "x",
                  {
                    "k": 0.5
                  }
                ],
                {}
              ]
            }
            """;

    @Test
    void readsFilesTheOldWriterWroteAndWritesThemTheSameWay() {
        Map<String, Object> m = Json.parseObject(OLD_FILE);
        assertEquals(List.of("epoch", "main/loss", "lr", "validation/main/loss", "name", "ok", "empty", "list", "nested"), List.copyOf(m.keySet()));
        assertEquals(3.0, m.get("epoch"), "every number is a Double, whole or not");
        assertInstanceOf(Double.class, ((List<?>) m.get("nested")).get(0));
        assertEquals(1e-8, m.get("lr"));
        assertNull(m.get("validation/main/loss"));
        assertTrue(m.containsKey("validation/main/loss"));
        assertEquals("a \"b\" \\ c\n\t\u0001é", m.get("name"));
        assertEquals(Boolean.TRUE, m.get("ok"));
        assertInstanceOf(LinkedHashMap.class, m.get("empty"));
        // the same layout as before, control characters now in their short escapes
        String written = Json.write(m);
        assertEquals(OLD_FILE.replace("\\u000a\\u0009", "\\n\\t"), written);
        assertEquals(m, Json.parse(written));
    }

    @Test
    void writesWholeNumbersPlainlyAndNonFiniteAsNull() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 2.0);
        m.put("b", Double.NaN);
        m.put("c", Double.POSITIVE_INFINITY);
        m.put("d", 7);
        m.put("e", 12345678901L);
        m.put("f", 1.5f);
        m.put("g", 1e20);
        assertEquals("{\n  \"a\": 2,\n  \"b\": null,\n  \"c\": null,\n  \"d\": 7,\n  \"e\": 12345678901,\n  \"f\": 1.5,\n  \"g\": 1.0E20\n}\n", Json.write(m));
        assertEquals("\"tab\\there \\\"quoted\\\"\"", TextFormats.jsonString("tab\there \"quoted\""));
    }

    @Test
    void refusesDamageWithItsPosition() {
        for (String bad : List.of("", "{", "{\"a\" 1}", "[1,]", "{\"a\": 1} x", "\"\\q\"", "nul", "01", "NaN", "{'a': 1}", "[1] [2]")) {
            assertThrows(FormatException.class, () -> Json.parse(bad), bad);
        }
        // Jackson counts to the end of the bad token
        FormatException e = assertThrows(FormatException.class, () -> Json.parse("{\"a\": 1,\n \"b\": x}"));
        assertTrue(e.getMessage().startsWith("not valid JSON at character 15: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(assertThrows(FormatException.class, () -> Json.parseObject("[1]")).getMessage().contains("expected a JSON object"));
        String deep = "[".repeat(65) + "]".repeat(65);
        assertThrows(FormatException.class, () -> Json.parse(deep));
        assertEquals(1, ((List<?>) Json.parse("[".repeat(64) + "]".repeat(64))).size());
    }
}
