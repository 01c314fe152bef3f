"""Comparatives of quality, built by bench/build_comparatives.py from lemminflect's
inflection table (MIT licence). Generated: do not edit by hand."""

COMPARATIVES = frozenset(
    """
    abler abrupter achier acuter airier ampler angrier apter ashier atonaler baggier balder
    balkier balmier barer baser battier bawdier beadier beefier better bitchier bitterer blacker
    blander bleaker blearier blinder blonder bloodier blotchier blueer blunter blurrier boggier
    bolder boneyer bonier bossier bouncier brainier brasher brassier brattier braver brawnier
    breathier breezier briefer brighter brinier brisker bristlier brittler broader browner
    brusker brusqueer bubblier buggier bulgier bulkier bumpier burlier bushier busier butterier
    buxomer calmer cannier catchier chalkier chancier chattier cheesier chewier childproofer
    chillier choicer choppier chubbier chunkier civiller clammier clarioner classier clearer
    cleverer clingier cloudier clumsier clunkier coarser cockier colder comfier cornier
    correctlier cosier costlier courtlier coyer cozier crabbier cracklier craftier craggier
    crankier crappier crasser crazier creakier creamier creepier crinklier crisper crispier
    cruder crueler crueller crumblier crunchier crustier cuddlier curlier curter curvier cushier
    cuter daintier damneder dandier danker darker deader deadlier deafer dearer deeper defter
    denser dewier dicier dingier direr dirtier disputanter distincter dizzier doggier dopeyer
    dopier dottier doughier doughtier dourer dowdier downier drabber draftier draughtier
    dreamier drearier droopier drowsier drunker duller dumber dumpier duskier dustier dwarfer
    earlier earthier easier eerieer eerier emissarier exacter fainer fainter fairer faster
    fatter fattier faultier feebler feistier fiddlier fiercer fierier filmier filthier finer
    firmer fishier fizzier flabbier flakeyer flakier flashier fleecier fleshier flightier
    flimsier flintier floppier fluffier flukier foamier foggier folksier fonder fouler foxier
    frailer franker freakier freeer friendlier frillier frizzier frostier frothier frowsier
    frowzier fruitier frumpier funkier funnier fussier fuzzier gamer gassier gaucher gaudier
    gaunter gawkier gayer gentler ghastlier giddier gladder glassier glibber glitzier gloomier
    glueyer gluier glummer goldener goodlier gooier gorier goutier grainier grander grassier
    graver grayer greasier greater greedier greener greyer grimier grimmer grittier groggier
    groovier grosser grouchier grubbier gruffer grumpier guiltier gummier gustier gutsier
    hairier handier handsomer happier harder hardier harsher hastier haughtier hazier headier
    healthier heartier heftier hillier hipper hippier hoarier hoarser holier hollower homelier
    homeyer homier hornier horsier hotter huger humbler hungrier huskier icier idler iffier
    iller imbecilicer impurer inapter infelicitouser intenser jauntier jerkier jitterier jollier
    juicier jumpier keener kinder kinglier kinkier klunkier knobbier knottier lacier lamer
    lankier laxer lazier leafier leakier leaner lengthier lewder likelier lilliputianer limier
    limper livelier loamier loftier lonelier loopier looser louder lousier lovelier lowlier
    loyaller luckier lumpier lusher mangier manlier marshier mealier meaner meatier meeker
    mellifluouser mellower mendicanter merer merrier messier mettlesomer mightier milder milkier
    minatorier mintier minuter mistier moderner moister moldier moodier mossier mouldier
    mouseyer mousier muddier murkier mushier mussier mustier nappier nastier nattier naughtier
    neater needier nerdier newer newsier nicer niftier nobler noisier noseyer nosier nuder
    obtuser odder oftener oilier overriper palatialer paler palmier pastier patchier paunchier
    pearlier pebblier peppier perkier peskier pettier picaresqueer pickier piggier pinker
    pithier plainer pleasanter pluckier plumper plusher pointier pokier poorer portlier posher
    pottier preachier preppier prettier pricier pricklier primmer princelier prissier profounder
    proner prouder puffier pulpier punchier purer purpler quainter queasier queerer quicker
    quieter quirkier racier rainier randier rapider rarer raspier readier realer redder remoter
    richer righter riper riskier rockier roomier rosier rougher rounder rowdier ruddier ruder
    runnier rustier sadder safer saintlier saltier sandier saner sappier sassier saucier savvier
    scabbier scalier scanter scantier scarcer scarier scrappier scratchier scrawnier scrubbier
    scruffier scurfier scurvier seamier securer sedater sedulouser seedier sententiouser severer
    sexier shabbier shadier shaggier shakier shallower shapelier sharper sheerer shiftier
    shinier shoddier showier shrewder shriller shrubbier shyer sicker sicklier silkier sillier
    simpler sincerer sketchier skimpier skinnier slacker slangier sleazier sleeker sleepier
    slenderer slier slighter slimier slinkier sloppier slower slushier smarter smellier smoggier
    smokeyer smokier smugger smuttier snakier snappier sneakier snootier snottier snowier
    snugger soapier soberer softer soggier sooner sootier sorer sorrier sounder soupier sourer
    spacier sparer sparser speedier spicier spikier spindlier spinier splotchier spongier
    spookier sportier spottier sprier sprightlier sprucer spryer squarer squashier squeakier
    squigglier squishier stabler staler stancher starchier starker starrier statelier stauncher
    steadier stealthier steamier steelier steeper sterner stickier stiffer stiller stingier
    stockier stodgier stonier stormier stouter stragglier straighter streakier stretchier
    stricter stringier stronger stubbier stubblier stuffier stumpier stupider sturdier subtler
    sugarier sulkier sunnier surer swampier sweatier sweeter swifter swirlier tamer tangier
    tardier tarter tastier tauter tawdrier tawnier tearier teenier tenderer terser testier
    thermoplasticer thicker thirstier thornier threadbarer thriftier throatier tidier tighter
    timelier tinier tinnier tipsier toothier touchier tougher tranquiler tranquiller trashier
    trendier trickier trueer trustier tubbier twiggier uglier uneasier unfriendlier unhappier
    unhealthier unlikelier unrulier unsightlier untidier unwieldier vagueer vainer vaster viler
    voider wackier wanner warier wavier waxier weaker wealthier wearier weedier weeer weightier
    weirder wheezier whiter wickeder wider wilder wilier windier wintrier wirier wiser wispier
    wittier woodier woodsier woolier woollier woozier wordier wormier worthier wrinklier
    yeastier yellower yuckier zanier
    """.split()
)
