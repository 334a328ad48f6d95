#include "row.h"

const char *const hwk_entry_fixed[HWK_ENTRY_FIXED] = {
	[HWK_E_AT] = "at", [HWK_E_LOGGED] = "logged", [HWK_E_STATUS] = "status",
	[HWK_E_REASON] = "reason", [HWK_E_NOTE] = "note",
};

const char hwk_entry_replaces[] = "replaces";
