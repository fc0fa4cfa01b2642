package io.digitstudio.explain;

import java.util.List;

/**
 * A query's nearest training examples with the answer the model gave it, and what they say together: when most of
 * them carry one other label, the digit "looks like these 4s" to the network.
 */
public record Neighbourhood(List<Neighbour> neighbours, int answer, boolean pixels) {
    public Neighbourhood {
        neighbours = List.copyOf(neighbours);
    }

    /** How many neighbours carry {@code label}. */
    public int count(int label) {
        int n = 0;
        for (Neighbour x : neighbours) if (x.label() == label) n++;
        return n;
    }

    /** The label most neighbours carry (the lower label on a tie), or -1 for none. */
    public int majority() {
        int best = -1, most = 0;
        for (Neighbour x : neighbours) {
            int c = count(x.label());
            if (c > most || c == most && x.label() < best) {
                best = x.label();
                most = c;
            }
        }
        return best;
    }

    /** Whether more than half of the neighbours carry another label than the answer. */
    public boolean disagrees() {
        return !neighbours.isEmpty() && 2 * (neighbours.size() - count(answer)) > neighbours.size();
    }

    /**
     * One line: "7 of 8 nearest are 7s", or, when most disagree with the answer, "Answer 9, but it looks like these
     * 4s (5 of 8)".
     */
    public String verdict(List<String> classNames) {
        if (neighbours.isEmpty()) return "No training examples to compare with";
        String space = pixels ? " in pixels" : "";
        if (!disagrees()) {
            return count(answer) + " of " + neighbours.size() + " nearest" + space + " are " + plural(classNames.get(answer));
        }
        int other = majority();
        if (other == answer) other = -1;
        if (other < 0) return "Answer " + classNames.get(answer) + ", but most nearest" + space + " are other digits";
        return "Answer " + classNames.get(answer) + ", but it looks like these " + plural(classNames.get(other))
                + " (" + count(other) + " of " + neighbours.size() + " nearest" + space + ")";
    }

    /** "4s" for a digit; a longer class name is quoted instead ("“Bag”"), as English plurals of names go wrong. */
    static String plural(String name) {
        return name.length() == 1 ? name + "s" : "“" + name + "”";
    }
}
