module example.com/imagefailures

go 1.21
