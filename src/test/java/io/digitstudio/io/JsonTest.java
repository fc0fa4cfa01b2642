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
        FormatException e = assertThrows(FormatException.class, () -> Json.parse("{\"a\": 1,\n \"b\": x}"));
        assertTrue(e.getMessage().startsWith("not valid JSON at line 2, column 7: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(assertThrows(FormatException.class, () -> Json.parseObject("[1]")).getMessage().contains("expected a JSON object"));
        String deep = "[".repeat(65) + "]".repeat(65);
        assertThrows(FormatException.class, () -> Json.parse(deep));
        assertEquals(1, ((List<?>) Json.parse("[".repeat(64) + "]".repeat(64))).size());
    }

    /** Jackson's sentences, none of which a user sees. */
    private static final List<String> JACKSON = List.of("was expecting", "code ", "token", "Unrecognized", "end-of-input", "Unexpected",
            "JSON String", "field name", "Object entries", "Illegal", "CTRL-CHAR", "maximum allowed", "Trailing", "marker", "enable");

    /**
     * A damaged document is answered with where (line and column, from 1, at the start of what is wrong) and what was
     * expected there, in the project's words; Jackson's sentences ("Unexpected character ('}' (code 125)): was expecting
     * double-quote to start field name") and its count of characters are not shown.
     */
    @Test
    void saysWhereAndWhatWasExpectedInItsOwnWords() {
        String value = "expected a value (an object {...}, an array [...], a text in double quotes, a number, true, false or null)";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "not valid JSON: the text is empty");
        cases.put("  \n ", "not valid JSON: the text is empty");
        cases.put("hello", "not valid JSON at line 1, column 1: " + value + ", found 'hello'");
        cases.put("{\"config\": {\"epochs\": 2,}\n", "not valid JSON at line 1, column 25: expected a name in double quotes, found '}'");
        cases.put("{\n  \"a\" 1}", "not valid JSON at line 2, column 7: expected ':' after the name, found '1'");
        cases.put("{\"a\": 1 \"b\": 2}", "not valid JSON at line 1, column 9: expected ',' or '}' after the value, found '\"'");
        cases.put("[1 2]", "not valid JSON at line 1, column 4: expected ',' or ']' after the value, found '2'");
        cases.put("[1,]", "not valid JSON at line 1, column 4: " + value + ", found ']'");
        cases.put("{\"a\": 1", "not valid JSON at line 1, column 8: expected ',' or '}' after the value, found the end");
        cases.put("{\"a\": 1} x", "not valid JSON at line 1, column 10: expected nothing after the value, found 'x'");
        cases.put("\"\\q\"", "not valid JSON at line 1, column 2: expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex digits), found '\\q'");
        cases.put("\"abc", "not valid JSON at line 1, column 1: a text in double quotes is not closed before the end");
        cases.put("\"a\nb\"", "not valid JSON at line 1, column 3: a line break or control character inside a text; write it escaped (\\n, \\t, \\u0001)");
        cases.put("01", "not valid JSON at line 1, column 1: expected a number without leading zeros, found '01'");
        cases.put("-x", "not valid JSON at line 1, column 2: expected a digit, found 'x'");
        cases.put("1.", "not valid JSON at line 1, column 3: expected a digit, found the end");
        cases.put("NaN", "not valid JSON at line 1, column 1: " + value + ", found 'NaN'");
        cases.put("{'a': 1}", "not valid JSON at line 1, column 2: expected a name in double quotes, found \"'\"");
        cases.put("[".repeat(65) + "]".repeat(65), "not valid JSON at line 1, column 65: nested deeper than 64 levels");
        List<String> wrong = new java.util.ArrayList<>();
        cases.forEach((text, expected) -> {
            String said = assertThrows(FormatException.class, () -> Json.parse(text), text).getMessage();
            if (!said.equals(expected)) wrong.add(text + " -> " + said);
            for (String j : JACKSON) if (said.contains(j)) wrong.add(text + ": Jackson's words: " + said);
        });
        assertEquals(List.of(), wrong);
    }
}
