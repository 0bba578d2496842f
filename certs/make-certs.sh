#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Makes the certificates SecureChat's tests and demos use, with nothing but the openssl CLI.
#
#   make-certs.sh --test OUTDIR   a fresh test CA and every certificate the tests need (30 days)
#   make-certs.sh --dev OUTDIR    a development CA and a localhost host certificate (10 years);
#                                 the CA key is deleted after signing so nobody can mint more
#
# Quiet on success; on failure it prints what openssl said. See certs/README.md.
set -euo pipefail

usage() {
    echo "usage: $0 --test OUTDIR | --dev OUTDIR" >&2
    exit 2
}

[[ $# -eq 2 ]] || usage
mode=$1
outdir=$2
case "$mode" in
--test | --dev) ;;
*) usage ;;
esac

# Private keys are written here: nobody else should ever be able to read them.
umask 077
mkdir -p "$outdir"

# Everything is made in a staging directory next to the output and moved in at the end, ca.pem
# last: the build uses ca.pem as the marker that the whole set exists.
work=$(mktemp -d "$outdir/.staging.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Runs openssl with its chatter (key generation dots, "writing new private key") kept out of
# sight unless it fails.
ossl() {
    if ! openssl "$@" >"$work/openssl.log" 2>&1; then
        echo "$0: openssl $1 failed:" >&2
        cat "$work/openssl.log" >&2
        exit 1
    fi
}

# A config of our own, so the system openssl.cnf cannot add or change extensions.
cat >"$work/openssl.cnf" <<'EOF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[host_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
subjectAltName = ${ENV::SAN}
[client_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[self_ext]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth, clientAuth
subjectKeyIdentifier = hash
subjectAltName = ${ENV::SAN}
# Only for "openssl ca", the one command in 3.0 that can back-date a certificate.
[ca]
default_ca = past_ca
[past_ca]
database = $ENV::CADIR/index.txt
new_certs_dir = $ENV::CADIR
serial = $ENV::CADIR/serial
default_md = sha256
policy = any_name
unique_subject = no
copy_extensions = none
[any_name]
commonName = supplied
EOF
export OPENSSL_CONF="$work/openssl.cnf"
export SAN="DNS:localhost, IP:127.0.0.1, IP:::1"
export CADIR="$work/ca-db"

ec_key=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc)

# make_ca NAME CN DAYS
make_ca() {
    ossl req -x509 -config "$OPENSSL_CONF" -extensions ca_ext "${ec_key[@]}" \
        -keyout "$work/$1.key" -out "$work/$1.pem" -days "$3" -subj "/O=SecureChat/CN=$2"
}

# make_signed NAME CN EXTENSIONS DAYS CA [KEYOPTS...]: a certificate issued by CA.
make_signed() {
    local name=$1 cn=$2 ext=$3 days=$4 ca=$5
    shift 5
    local keyopts=("$@")
    [[ ${#keyopts[@]} -gt 0 ]] || keyopts=("${ec_key[@]}")
    ossl req -x509 -config "$OPENSSL_CONF" -extensions "$ext" "${keyopts[@]}" \
        -CA "$work/$ca.pem" -CAkey "$work/$ca.key" \
        -keyout "$work/$name.key" -out "$work/$name.pem" -days "$days" -subj "/CN=$cn"
}

# make_self_signed NAME CN
make_self_signed() {
    ossl req -x509 -config "$OPENSSL_CONF" -extensions self_ext "${ec_key[@]}" \
        -keyout "$work/$1.key" -out "$work/$1.pem" -days 30 -subj "/CN=$2"
}

# make_expired NAME CN: issued by ca, valid from 60 to 30 days ago.
make_expired() {
    mkdir -p "$CADIR"
    : >"$CADIR/index.txt"
    openssl rand -hex 16 >"$CADIR/serial"
    ossl req -new -config "$OPENSSL_CONF" "${ec_key[@]}" \
        -keyout "$work/$1.key" -out "$work/$1.csr" -subj "/CN=$2"
    ossl ca -batch -config "$OPENSSL_CONF" -extensions host_ext -notext \
        -cert "$work/ca.pem" -keyfile "$work/ca.key" -in "$work/$1.csr" -out "$work/$1.pem" \
        -startdate "$(date -u -d '60 days ago' +%Y%m%d%H%M%SZ)" \
        -enddate "$(date -u -d '30 days ago' +%Y%m%d%H%M%SZ)"
}

# publish FILE...: moves finished files from the staging directory into the output.
publish() {
    local file
    for file in "$@"; do
        mv -f "$work/$file" "$outdir/$file"
    done
}

if [[ $mode == --dev ]]; then
    make_ca ca "SecureChat Development CA" 3650
    make_signed host localhost host_ext 3650 ca
    rm -f "$work/ca.key"
    # These are published on purpose (demo only), so ordinary read permissions are right.
    chmod 755 "$outdir"
    chmod 644 "$work/ca.pem" "$work/host.pem" "$work/host.key"
    publish host.pem host.key ca.pem
    exit 0
fi

make_ca ca "SecureChat Test CA" 30
make_signed host localhost host_ext 30 ca
cat "$work/host.pem" "$work/ca.pem" >"$work/host-chain.pem"
printf '%s\n' 'correct horse battery staple' >"$work/passphrase.txt"
ossl pkey -in "$work/host.key" -aes256 -passout "file:$work/passphrase.txt" \
    -out "$work/host-encrypted.key"
make_signed host-rsa localhost host_ext 30 ca -newkey rsa:2048 -noenc
ossl pkcs12 -export -in "$work/host.pem" -inkey "$work/host.key" -certfile "$work/ca.pem" \
    -name localhost -passout 'pass:p12 secret' -out "$work/host.p12"
make_signed client alice client_ext 30 ca
make_expired expired localhost
SAN="DNS:wrong.example" make_signed wronghost wrong.example host_ext 30 ca
make_self_signed selfsigned localhost
make_self_signed selfsigned2 localhost
make_ca other-ca "SecureChat Other CA" 30
make_signed other-client mallory client_ext 30 other-ca

publish ca.key host.pem host.key host-chain.pem host-encrypted.key passphrase.txt \
    host-rsa.pem host-rsa.key host.p12 client.pem client.key expired.pem expired.key \
    wronghost.pem wronghost.key selfsigned.pem selfsigned.key selfsigned2.pem selfsigned2.key \
    other-ca.pem other-ca.key other-client.pem other-client.key
publish ca.pem
