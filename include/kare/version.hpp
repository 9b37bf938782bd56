/// @file
/// @brief Compile-time version of the kare library.
#ifndef KARE_VERSION_HPP
#define KARE_VERSION_HPP

/// Major version: bumped on an incompatible change of the C++ or C API.
#define KARE_VERSION_MAJOR 0
/// Minor version: bumped when features are added compatibly.
#define KARE_VERSION_MINOR 1
/// Patch version: bumped for compatible fixes.
#define KARE_VERSION_PATCH 0
/// The version as one comparable number: major * 10000 + minor * 100 + patch.
#define KARE_VERSION_NUMBER \
    (KARE_VERSION_MAJOR * 10000 + KARE_VERSION_MINOR * 100 + KARE_VERSION_PATCH)

/// Version of the plan document format this library writes (and the newest it reads).
#define KARE_PLAN_FORMAT_VERSION 1

#endif
