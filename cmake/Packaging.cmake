# SPDX-License-Identifier: MIT
# Installation into the standard places (GNUInstallDirs) and a Debian package (CPack).
include(GNUInstallDirs)

set(SECURECHAT_APP_ID io.github.securechat.SecureChat)
set(desktop_dir "${PROJECT_SOURCE_DIR}/resources/desktop")

install(TARGETS securechat securechat-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES "${desktop_dir}/${SECURECHAT_APP_ID}.desktop" DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES "${desktop_dir}/${SECURECHAT_APP_ID}.metainfo.xml" DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/securechat.svg"
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${SECURECHAT_APP_ID}.svg)
foreach(size 16 32 48 64 128 256)
    install(FILES "${PROJECT_SOURCE_DIR}/resources/icons/hicolor/${size}x${size}/${SECURECHAT_APP_ID}.png"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()

# The man page comes from the CLI's own option definitions, so it never drifts from --help.
set(man_page "${PROJECT_BINARY_DIR}/securechat-cli.1")
add_custom_command(OUTPUT "${man_page}"
    COMMAND securechat-cli --generate-man-page > "${man_page}"
    DEPENDS securechat-cli
    COMMENT "Writing the securechat-cli man page"
    VERBATIM)
add_custom_target(securechat_man_page ALL DEPENDS "${man_page}")
install(FILES "${man_page}" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME securechat)
set(CPACK_PACKAGE_VENDOR "The SecureChat developers")
set(CPACK_PACKAGE_CONTACT "The SecureChat developers <securechat@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Private text chat over TLS")
set(CPACK_PACKAGE_DESCRIPTION
    "Host or join a chat session over TLS and see exactly who is on the other end: certificate,\n fingerprint, chain, protocol and cipher. Includes securechat-cli, the same sessions headless.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY securechat)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Libraries from dpkg-shlibdeps; plugins Qt loads at run time are named by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
include(CPack)
