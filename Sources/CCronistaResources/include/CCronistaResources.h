#ifndef CCRONISTA_RESOURCES_H
#define CCRONISTA_RESOURCES_H

/// One file embedded in the binary: its path relative to its Resources folder and its bytes,
/// [start, end), in read-only data. Written by scripts/embed-resources; do not edit the tables.
typedef struct {
    const char *path;
    const unsigned char *start;
    const unsigned char *end;
} cronista_resource;

/// Every file under Sources/CronistaNLP/Resources: `count` rows (functions, not arrays: Swift
/// does not import arrays of unknown size).
const cronista_resource *cronista_nlp_resources(long *count);

/// Every file under Sources/CronistaServer/Resources.
const cronista_resource *cronista_server_resources(long *count);

#endif
