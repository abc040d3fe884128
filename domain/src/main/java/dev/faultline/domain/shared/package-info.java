/** Small building blocks shared by every bounded context. */
package dev.faultline.domain.shared;
