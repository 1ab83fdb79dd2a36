/**
 * The unit-of-work regression model, a shop: users with orders (cascade, orphan removal) and their lines,
 * articles whose author is a plain reference (no cascade), articles and tags linked many-to-many, a
 * self-referencing category tree, a versioned account, and a versioned folder tree whose
 * relationships cascade MERGE both ways. Plain (not enhanced) entities.
 */
package io.athanor.orm.model.shop;
