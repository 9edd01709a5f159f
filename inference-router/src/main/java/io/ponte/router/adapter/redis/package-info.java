/** Rate-limit state shared by router replicas in Redis, through the Vert.x Redis client. */
package io.ponte.router.adapter.redis;
