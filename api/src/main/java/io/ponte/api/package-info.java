/** Wire types shared by Ponte services. No framework code lives here. */
package io.ponte.api;
