/* ical: libical opened at run time (see ical.h for why). */
#include <dlfcn.h>
#include <stddef.h>

#include "err.h"
#include "ical.h"

const hwk_ical *hwk_ical_load(void)
{
	static hwk_ical calls;
	static int loaded;
	if (loaded)
		return &calls;
	void *lib = dlopen(HWK_ICAL_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		hwk_err("libical is not installed (%s); it writes the calendar. On Debian/Ubuntu: "
			"sudo apt-get install " HWK_ICAL_PACKAGE, HWK_ICAL_SONAME);
		return NULL;
	}
	/* a pointer to a function from dlsym's void *: POSIX makes the conversion work */
#define HWK_ICAL_SYM(f)                                                                     \
	if (!(*(void **)&calls.f = dlsym(lib, #f))) {                                      \
		dlclose(lib);                                                              \
		hwk_err(HWK_ICAL_SONAME " has no " #f ": libical 3.0.6 or newer is needed. "  \
			"On Debian/Ubuntu: sudo apt-get install " HWK_ICAL_PACKAGE);          \
		return NULL;                                                               \
	}
	HWK_ICAL_CALLS(HWK_ICAL_SYM)
#undef HWK_ICAL_SYM
	loaded = 1;
	return &calls;
}
