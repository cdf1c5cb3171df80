/*
 * version.h - the release number of netra.
 */
#ifndef NETRA_CORE_VERSION_H
#define NETRA_CORE_VERSION_H

#define NETRA_VERSION "0.1.0"

#endif
