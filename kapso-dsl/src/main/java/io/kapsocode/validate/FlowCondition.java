package io.kapsocode.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The syntax of an {@code If} component's condition (META-COMP, If): references ({@code ${form.x}},
 * {@code ${data.x}}, {@code ${screen.S.form.x}}), quoted strings, numbers, {@code true}/{@code false},
 * the comparisons {@code == != < <= > >=}, {@code && || !} and parentheses.
 */
final class FlowCondition {

    private record Token(String text, int column) {}

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int next;

    private FlowCondition(String source) {
        this.source = source;
    }

    /** Why the condition cannot be read, or empty when it can. */
    static Optional<String> problem(String condition) {
        FlowCondition parser = new FlowCondition(condition);
        try {
            parser.tokenize();
            if (parser.tokens.isEmpty()) {
                return Optional.of("the condition is empty");
            }
            parser.or();
            if (parser.next < parser.tokens.size()) {
                throw parser.unexpected();
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private void tokenize() {
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (source.startsWith("${", i)) {
                int end = source.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException(
                            "the reference at column " + (i + 1) + " is not closed with '}'");
                }
                i = end + 1;
            } else if (c == '\'' || c == '"') {
                int end = source.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("the text at column " + (i + 1) + " is not closed with " + c);
                }
                i = end + 1;
            } else if (Character.isDigit(c)
                    || (c == '-' && i + 1 < source.length() && Character.isDigit(source.charAt(i + 1)))) {
                i++;
                while (i < source.length() && (Character.isDigit(source.charAt(i)) || source.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isLetter(c)) {
                while (i < source.length() && Character.isLetterOrDigit(source.charAt(i))) {
                    i++;
                }
                String word = source.substring(start, i);
                if (!word.equals("true") && !word.equals("false")) {
                    throw new IllegalArgumentException("'" + word + "' at column " + (start + 1)
                            + " is neither a reference nor true/false; write ${form." + word + "}, ${data." + word
                            + "} or '" + word + "' in quotes");
                }
            } else if (source.startsWith("==", i)
                    || source.startsWith("!=", i)
                    || source.startsWith("<=", i)
                    || source.startsWith(">=", i)
                    || source.startsWith("&&", i)
                    || source.startsWith("||", i)) {
                i += 2;
            } else if ("<>!()".indexOf(c) >= 0) {
                i++;
            } else {
                throw new IllegalArgumentException("'" + c + "' at column " + (i + 1) + " is not part of a condition"
                        + (c == '=' || c == '&' || c == '|' ? "; write " + c + c : ""));
            }
            tokens.add(new Token(source.substring(start, i), start + 1));
        }
    }

    private void or() {
        and();
        while (accept("||")) {
            and();
        }
    }

    private void and() {
        unary();
        while (accept("&&")) {
            unary();
        }
    }

    private void unary() {
        if (accept("!")) {
            unary();
        } else {
            comparison();
        }
    }

    private void comparison() {
        operand();
        if (accept("==") || accept("!=") || accept("<") || accept("<=") || accept(">") || accept(">=")) {
            operand();
        }
    }

    private void operand() {
        if (accept("(")) {
            or();
            if (!accept(")")) {
                throw next < tokens.size()
                        ? unexpected()
                        : new IllegalArgumentException("a '(' is never closed; add ')'");
            }
            return;
        }
        if (next >= tokens.size()) {
            throw new IllegalArgumentException("the condition ends where a value is expected");
        }
        String text = tokens.get(next).text();
        char first = text.charAt(0);
        if (first == '$'
                || first == '\''
                || first == '"'
                || first == '-'
                || Character.isDigit(first)
                || text.equals("true")
                || text.equals("false")) {
            next++;
            return;
        }
        throw unexpected();
    }

    private boolean accept(String text) {
        if (next < tokens.size() && tokens.get(next).text().equals(text)) {
            next++;
            return true;
        }
        return false;
    }

    private IllegalArgumentException unexpected() {
        Token token = tokens.get(next);
        return new IllegalArgumentException(
                "'" + token.text() + "' at column " + token.column() + " is not expected there");
    }
}
