# SPDX-License-Identifier: MIT
# Translations: translations/securechat_<lang>.ts hold every string of core/, ui/ and app/. The
# build refreshes them with lupdate whenever a source changes, compiles them with lrelease and
# embeds the .qm files in both programs under :/i18n (core/base/translations.cpp loads them).
# Without Qt's LinguistTools (Debian: qt6-tools-dev, qt6-l10n-tools) the programs build untranslated.
#
# Refresh by hand (e.g. before translating): cmake --build BUILD_DIR --target securechat_lupdate
include_guard(GLOBAL)

find_package(Qt6 6.4 QUIET COMPONENTS LinguistTools)
if(NOT Qt6LinguistTools_FOUND)
    message(STATUS "Qt6 LinguistTools not found: SecureChat builds without translations")
    set(SECURECHAT_TRANSLATIONS OFF)
    return()
endif()
set(SECURECHAT_TRANSLATIONS ON)

# Another language: create its file once (lupdate -ts translations/securechat_<lang>.ts) and
# add it here; the build keeps it up to date from then on.
set(SECURECHAT_TS_FILES "${PROJECT_SOURCE_DIR}/translations/securechat_de.ts")
set(SECURECHAT_QM_DIR "${PROJECT_BINARY_DIR}/translations")

# The C++ sources of the translated targets, as absolute paths; lupdate reads nothing else.
set(translated_sources "")
set(translated_include_dirs "${PROJECT_SOURCE_DIR}/core")
foreach(target IN ITEMS ${SECURECHAT_CORE_MODULE_TARGETS} securechat_ui securechat-cli securechat)
    get_target_property(target_dir ${target} SOURCE_DIR)
    get_target_property(target_sources ${target} SOURCES)
    list(APPEND translated_include_dirs "${target_dir}")
    foreach(source IN LISTS target_sources)
        if(source MATCHES "\\.(cpp|h)$")
            cmake_path(ABSOLUTE_PATH source BASE_DIRECTORY "${target_dir}" NORMALIZE)
            list(APPEND translated_sources "${source}")
        endif()
    endforeach()
endforeach()
list(REMOVE_DUPLICATES translated_include_dirs)
list(TRANSFORM translated_include_dirs PREPEND "-I")
# A list file keeps the command line short; it is rewritten only when the list changes, and a
# new or removed source makes lupdate run again through it.
set(lupdate_list "${CMAKE_CURRENT_BINARY_DIR}/translations/securechat.lupdate")
list(JOIN translated_include_dirs "\n" lupdate_list_content)
string(APPEND lupdate_list_content "\n")
foreach(source IN LISTS translated_sources)
    string(APPEND lupdate_list_content "${source}\n")
endforeach()
file(CONFIGURE OUTPUT "${lupdate_list}" CONTENT "${lupdate_list_content}" @ONLY)

# No line numbers, no obsolete entries: the .ts changes only when a string does. lupdate works on
# a copy in the build tree, and the copy replaces the .ts in the source tree only when its content
# differs, so a build that changed no string leaves the source tree alone. The stamp is a second
# copy, also written only on a change: with Ninja's restat (implied by BYPRODUCTS) an edit that
# adds no string does not recompile the .qm and relink the programs.
set(lupdate_options -silent -locations none -no-obsolete)
set(lupdate_commands "")
set(lupdate_stamps "")
file(MAKE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/translations/lupdate")
foreach(ts_file IN LISTS SECURECHAT_TS_FILES)
    cmake_path(GET ts_file FILENAME ts_name)
    set(work_copy "${CMAKE_CURRENT_BINARY_DIR}/translations/lupdate/${ts_name}")
    set(stamp "${work_copy}.stamp")
    set(commands
        COMMAND ${CMAKE_COMMAND} -E copy "${ts_file}" "${work_copy}"
        COMMAND Qt6::lupdate ${lupdate_options} "@${lupdate_list}" -ts "${work_copy}"
        COMMAND ${CMAKE_COMMAND} -E copy_if_different "${work_copy}" "${ts_file}")
    add_custom_command(OUTPUT "${stamp}"
        BYPRODUCTS "${work_copy}"
        ${commands}
        COMMAND ${CMAKE_COMMAND} -E copy_if_different "${work_copy}" "${stamp}"
        DEPENDS ${translated_sources} "${lupdate_list}" Qt6::lupdate
        COMMENT "Refreshing ${ts_name} from the sources (lupdate)"
        VERBATIM)
    list(APPEND lupdate_commands ${commands})
    list(APPEND lupdate_stamps "${stamp}")
endforeach()
add_custom_target(securechat_lupdate ${lupdate_commands}
    COMMENT "Refreshing the .ts files from the sources (lupdate)"
    VERBATIM)

# lrelease prints how many strings are translated and how many unfinished.
set_source_files_properties(${SECURECHAT_TS_FILES} PROPERTIES OUTPUT_LOCATION "${SECURECHAT_QM_DIR}")
qt_add_lrelease(securechat TS_FILES ${SECURECHAT_TS_FILES} QM_FILES_OUTPUT_VARIABLE SECURECHAT_QM_FILES)
# The .qm follows the refreshed .ts: compile it after lupdate ran.
foreach(qm_file stamp IN ZIP_LISTS SECURECHAT_QM_FILES lupdate_stamps)
    add_custom_command(OUTPUT "${qm_file}" APPEND DEPENDS "${stamp}")
endforeach()

# securechat_embed_translations(TARGET): the .qm files as resources :/i18n/securechat_<lang>.qm.
function(securechat_embed_translations target)
    string(MAKE_C_IDENTIFIER "${target}_translations" resource_name)
    qt_add_resources(${target} ${resource_name}
        PREFIX "/i18n"
        BASE "${SECURECHAT_QM_DIR}"
        FILES ${SECURECHAT_QM_FILES})
    add_dependencies(${target} securechat_lrelease)
endfunction()

securechat_embed_translations(securechat)
securechat_embed_translations(securechat-cli)
