/* Records which status each kare function returned, for
 * capi.documented_statuses: with KARE_STATUS_LOG set to a file, every call
 * checked through CHECK_STATUS appends "function status" to it. */
#ifndef KARE_TEST_STATUS_LOG_H
#define KARE_TEST_STATUS_LOG_H

#include <kare/kare.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Returns `status` after logging it under the function named at the start
 * of `call` (the call's text, as the preprocessor gives it). */
static kare_status logged_status(const char *call, kare_status status)
{
    const char *path = getenv("KARE_STATUS_LOG");
    if (path == NULL)
        return status;
    FILE *log = fopen(path, "a");
    if (log == NULL)
        return status;
    const char *name = strstr(call, "kare_");
    const size_t length = name ? strcspn(name, "( ") : 0;
    if (length > 0)
        fprintf(log, "%.*s %d\n", (int)length, name, (int)status);
    fclose(log);
    return status;
}

#endif
