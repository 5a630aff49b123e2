package io.kapsocode.model;

/**
 * Where a node sits on Kapso's canvas.
 *
 * @param x horizontal position
 * @param y vertical position
 */
public record Position(double x, double y) {}
