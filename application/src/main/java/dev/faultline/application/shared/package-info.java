/** Ports shared by every bounded context (units of work). */
package dev.faultline.application.shared;
