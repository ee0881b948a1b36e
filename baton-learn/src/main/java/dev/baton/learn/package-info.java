/** The compact learned conductor. */
package dev.baton.learn;
