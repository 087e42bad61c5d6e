package cn.unionaid.registry;

/**
 * Why one cell or row was refused. {@code row} is the row number Excel shows (the header is row 1);
 * {@code column} is the Chinese header, or null when the whole row is meant.
 */
public record ImportError(int row, String column, String value, String message) {
}
