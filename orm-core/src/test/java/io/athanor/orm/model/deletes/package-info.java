/**
 * Parents whose deletion touches what refers to them: a shelf with NOT NULL boxes, nullable stickers and a
 * dynamic collection of posters; a folder whose notes the database deletes ({@code passiveDeletes}); a project
 * whose tasks the database sets free ({@code onDelete = SET_NULL}); a tray whose cups are orphans without it;
 * notes and labels linked many-to-many, the notes' side passive. Plain (not enhanced) entities.
 */
package io.athanor.orm.model.deletes;
