module example.com/rules-go-version-too-old

go 1.22

require github.com/google/uuid v1.6.0
