/* plausible: what an entry of a built-in type cannot say, as a whole: values each within
 * their scale that together cannot be true (a sleep diary's clock times out of order, a
 * peak SUDS below the SUDS before it, a session of 0 minutes logged as done). The rules
 * are written in hwk-types(1), each type's table. */
#ifndef HWK_PLAUSIBLE_H
#define HWK_PLAUSIBLE_H

#include "assignment.h"

/* Check the values of a done or partial entry of a (vals: one per field of a, each
 * already checked against its field, "" when absent) against the rules of a's type.
 * Custom types have none. Only values given are compared: a rule needing one that is
 * absent does not apply. -1 after a message naming the two values that disagree. */
int hwk_entry_plausible(const hwk_assignment *a, char *const *vals, int partial);

#endif
